using GraphReports.Conformance.Host;
using GraphReports.GraphQL.Http;
using GraphReports.Hosting;

// Serves the library test schema at /graphql (and graphql-js's Star Wars schema at /starwars/graphql) for the conformance suites under tests/conformance:
//   dotnet run --project tests/Conformance.Host -- --urls http://127.0.0.1:5099
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.UseSecurityHeaders(); // the Api's and the Indexer's headers, CSP included: run-browser.sh drives the IDE under them
app.MapGraphQL("/graphql", LibrarySchema.Build(new Library()), options => options.Ide.Title = "GraphReports conformance");
app.MapGraphQL("/starwars/graphql", GraphReports.GraphQL.Tests.StarWars.StarWarsSchema.Schema, options => options.Ide.Enabled = false);
app.Run();
