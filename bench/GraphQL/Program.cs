using GraphReports.GraphQL.Bench;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Http;

// dotnet run -c Release --project bench/GraphQL -- inprocess [iterations]
// dotnet run -c Release --project bench/GraphQL -- serve --urls http://127.0.0.1:PORT
// bench/GraphQL/run.sh runs both and the graphql-js reference side by side.
var mode = args.FirstOrDefault();
var schema = BenchSchema.Build();
switch (mode)
{
    case "inprocess":
        var iterations = args.Length > 1 ? int.Parse(args[1]) : 50_000;
        await InProcessBenchmark.RunAsync(new RequestExecutor(schema), iterations);
        break;
    case "serve":
        var builder = WebApplication.CreateSlimBuilder(args[1..]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGraphQL("/graphql", schema);
        await app.RunAsync();
        break;
    case "serve-graphqlnet":
        // The .NET peer over HTTP: GraphQL.NET behind a plain Kestrel endpoint, JSON in and out with its System.Text.Json serializer.
        var peerBuilder = WebApplication.CreateSlimBuilder(args[1..]);
        peerBuilder.Logging.ClearProviders();
        var peerApp = peerBuilder.Build();
        var peer = new GraphQLNetPeer(BenchSchema.ReportQuery);
        var serializer = new GraphQL.SystemTextJson.GraphQLSerializer();
        peerApp.MapPost("/graphql", async context =>
        {
            var request = await serializer.ReadAsync<GraphQL.Transport.GraphQLRequest>(context.Request.Body, context.RequestAborted);
            var result = await peer.ExecuteAsync(request!.Query!, request.Variables);
            context.Response.ContentType = "application/graphql-response+json";
            await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
        });
        await peerApp.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: inprocess [iterations] | serve --urls http://127.0.0.1:PORT | serve-graphqlnet --urls http://127.0.0.1:PORT");
        return 2;
}
return 0;
