"""recsite's engine as a Spark job (docs/scale.md): cleansing, r(u,i), exact
cosine item similarity, top-k with popular fill and reasons, popularity."""
