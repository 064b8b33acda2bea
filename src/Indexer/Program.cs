using GraphReports.Indexer.Commands;

// `serve` (the default), `import`, `generate`, `hash-key`: see IndexerCommandLine.
return await IndexerCommandLine.Create().Parse(args).InvokeAsync();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
