/// The opening every chart file shares: the `<svg>` element sized in
/// pixels with its view box, `role="img"` named by its `<title>` and
/// `<desc>`, the font, and a white background (the dark theme inverts it).
enum SVGDocument {
    static func opening(width: Double, height: Double, title: String, description: String) -> String {
        let (w, h) = (NumberFormat.fixed(width, 1), NumberFormat.fixed(height, 1))
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            role="img" aria-labelledby="chart-title chart-desc" \
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">
            <title id="chart-title">\(XMLText.escape(title))</title>
            <desc id="chart-desc">\(XMLText.escape(description))</desc>
            <rect width="100%" height="100%" rx="4" fill="#ffffff"/>

            """
    }
}
