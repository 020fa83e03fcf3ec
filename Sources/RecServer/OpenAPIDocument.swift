/// `/openapi.yaml`: the live API in OpenAPI 3.1, written by hand beside
/// the routes (`APIRoutes`) it describes; the tests check that every route
/// is in it and that its examples are real answers.
enum OpenAPIDocument {
    static func text(maxK: Int) -> String {
        """
        openapi: 3.1.0
        info:
          title: recsite serve
          version: 0.1.0
          description: >-
            The recommender's REST API, answered from memory by `recsite serve`.
            Every JSON document has the shape of the static site's file under
            api/ (docs/spec.md §9); at the default k an answer equals that file
            byte for byte. Errors are JSON objects with `error` and `status`.
        servers:
          - url: http://127.0.0.1:8001
        paths:
          /health:
            get:
              summary: Status and the kept counts (api/health.json).
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Health"}}}}
          /popular:
            get:
              summary: The most popular items (api/popular.json at the default k of 100).
              parameters:
                - {$ref: "#/components/parameters/k"}
                - name: type
                  in: query
                  description: Only items of this content type (movie, series, anime, ...).
                  schema: {type: string}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: object}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
          /recommendations:
            get:
              summary: >-
                A user's top-k with reasons and explanations
                (api/recommendations/<user_id>.json at the build's k, from recsite.yml, default 10).
              parameters:
                - {$ref: "#/components/parameters/user_id"}
                - {$ref: "#/components/parameters/k"}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: object}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "404": {$ref: "#/components/responses/NotFound"}
          /user_history:
            get:
              summary: A user's history by interaction score (api/user_history/<user_id>.json).
              parameters:
                - {$ref: "#/components/parameters/user_id"}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: object}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "404": {$ref: "#/components/responses/NotFound"}
          /explain:
            get:
              summary: >-
                The breakdown of score(user, item) into its history items'
                contributions (recsite explain as JSON).
              parameters:
                - {$ref: "#/components/parameters/user_id"}
                - name: item_id
                  in: query
                  required: true
                  schema: {type: string}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: object}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "404": {$ref: "#/components/responses/NotFound"}
          /openapi.yaml:
            get:
              summary: This document.
              responses:
                "200": {description: ok, content: {application/yaml: {schema: {type: string}}}}
        components:
          parameters:
            user_id:
              name: user_id
              in: query
              required: true
              schema: {type: string}
            k:
              name: k
              in: query
              description: How many items, from 1 to \(maxK).
              schema: {type: integer, minimum: 1, maximum: \(maxK)}
          schemas:
            Health:
              type: object
              properties:
                status: {type: string}
                users: {type: integer}
                items: {type: integer}
                events: {type: integer}
            Error:
              type: object
              required: [error, status]
              properties:
                error: {type: string}
                status: {type: integer}
          responses:
            BadRequest:
              description: A missing or invalid parameter.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            NotFound:
              description: An unknown user or item (with the closest IDs as `suggestions`).
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}

        """
    }
}
