namespace GraphReports.GraphQL.Http;

/// <summary>
/// How a GraphQL endpoint mapped with <c>MapGraphQL</c> behaves. Every default is the value a
/// public endpoint should have; see docs/graphql-http.md.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>
    /// Largest request body accepted, in bytes; a larger one is refused with 413 before it is parsed.
    /// Default 1 MiB (1,048,576 bytes): far above any hand-written document, far below what hurts.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Whether queries may be sent with GET and URL parameters (mutations never run over GET: 405).
    /// Default true.
    /// </summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>Whether the schema's SDL is served at <c>{path}?sdl</c> and <c>{path}/schema.graphql</c>. Default true.</summary>
    public bool EnableSchemaDefinition { get; set; } = true;

    /// <summary>The Banana Cake Pop IDE served at <c>{path}/</c>.</summary>
    public BananaCakePopOptions Ide { get; } = new();
}

/// <summary>Settings of the Banana Cake Pop IDE served offline at <c>{path}/</c>.</summary>
public sealed class BananaCakePopOptions
{
    /// <summary>Whether the IDE is served (and a browser's GET on the endpoint redirected to it). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The title the IDE shows. Default "Banana Cake Pop".</summary>
    public string Title { get; set; } = "Banana Cake Pop";

    /// <summary>
    /// Headers a new document of the IDE starts with (Banana Cake Pop 18's <c>httpHeaders</c>), for
    /// example an <c>Authorization</c> placeholder that shows where the key goes. Default none.
    /// </summary>
    public IDictionary<string, string> HttpHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Folder holding the IDE's files (index.html, static/, LICENSE). Default: <c>bananacakepop/</c> beside
    /// the application, where the build of GraphReports.GraphQL copies them from the npm package.
    /// </summary>
    public string FilesDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "bananacakepop");
}
