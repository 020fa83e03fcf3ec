import Testing
@testable import RecSite

/// Cells a spreadsheet would run as a formula get a leading `'`, also when
/// they start with the fullwidth or small forms of `=`, `+`, `-` and `@`.
@Suite struct CSVFormulaTests {
    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "﹢1", "﹣1", "﹫x"])
    func formulasAreNeutralised(_ cell: String) {
        #expect(CSVWriter.neutralise(cell) == "'" + cell)
    }

    @Test(arguments: ["plain", "1=1", "a+b", "'quoted", "", "（=1）", "·=1"])
    func otherTextIsLeftAlone(_ cell: String) {
        #expect(CSVWriter.neutralise(cell) == cell)
    }
}
