using GraphReports.Indexer.Commands;

// `serve` (the default), `import`, `generate`, `rollups`, `hash-key`: see IndexerCommandLine.
return await IndexerCommandLine.InvokeAsync(args);

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
