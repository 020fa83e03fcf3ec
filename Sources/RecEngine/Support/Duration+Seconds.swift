extension Duration {
    /// The duration in seconds, for timings shown or written as numbers.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
