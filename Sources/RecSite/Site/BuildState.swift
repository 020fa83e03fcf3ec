import Foundation
import RecEngine

/// What the steps of a build hand on to each other (`BuildStep`): set by
/// the step that makes it, read by the ones after. Steps run one after
/// another on the thread that drives the build.
public final class BuildState: @unchecked Sendable {
    public let options: SiteBuilder.Options
    public let console: BuildConsole
    let makeContent: SiteBuilder.ContentMaker

    // load
    var templates: TemplateLibrary?
    var converter: HTMLConverter?
    var assets: [SiteFile] = []
    var config: EngineConfig?
    var inputs: (any LoadedTables)?
    // cleanse, model, recommend
    public internal(set) var dataset: Dataset?
    public internal(set) var model: RecommenderModel?
    public internal(set) var recommendations: [[Recommendation]]?
    // changes
    /// The site whose build `changes.md` compares with, if any.
    var previousSite: String?
    public internal(set) var changes: SiteChanges?
    // explanations
    public internal(set) var explainer: Explainer?
    // reports and after
    var content: (any SiteContent)?
    var links = LinkLedger()
    var sink: (any SiteSink)?
    var finishSink: (() throws -> SiteDiff)?
    var diff = SiteDiff()

    init(options: SiteBuilder.Options, console: BuildConsole, makeContent: @escaping SiteBuilder.ContentMaker) {
        self.options = options
        self.console = console
        self.makeContent = makeContent
    }
}
