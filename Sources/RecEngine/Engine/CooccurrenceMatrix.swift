internal import CTileKernel

/// R's arrays as the C similarity kernel reads them, valid inside `with`.
struct CooccurrenceMatrix: @unchecked Sendable {
    let layout: RecsiteMatrix

    /// Calls `body` with R's rows and columns borrowed once, for every row's kernel call.
    static func with<Result>(_ matrix: InteractionMatrix, _ body: (CooccurrenceMatrix) -> Result) -> Result {
        matrix.rowStart.withUnsafeBufferPointer { rowStart in
        matrix.rowItem.withUnsafeBufferPointer { rowItem in
        matrix.rowScore.withUnsafeBufferPointer { rowScore in
        matrix.columnStart.withUnsafeBufferPointer { columnStart in
        matrix.columnUser.withUnsafeBufferPointer { columnUser in
        matrix.columnScore.withUnsafeBufferPointer { columnScore in
            body(CooccurrenceMatrix(layout: RecsiteMatrix(
                rowStart: rowStart.baseAddress, rowItem: rowItem.baseAddress, rowScore: rowScore.baseAddress,
                columnStart: columnStart.baseAddress, columnUser: columnUser.baseAddress,
                columnScore: columnScore.baseAddress)))
        }
        }
        }
        }
        }
        }
    }
}
