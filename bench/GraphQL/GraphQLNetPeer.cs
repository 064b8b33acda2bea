using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphReports.GraphQL.Bench;

/// <summary>
/// The .NET peer: GraphQL.NET 8.8.5 serving the same schema and static data as <see cref="BenchSchema"/>
/// (<c>Query.report</c>, 30 non-null leaves). The document is parsed once and handed to every execution
/// (GraphQL.NET's document cache does the same); each call validates and executes, as GraphQL.NET does.
/// </summary>
internal sealed class GraphQLNetPeer
{
    private readonly ISchema _schema = Build();
    private readonly IDocumentExecuter _executer = new DocumentExecuter();
    private readonly GraphQLDocument _document;
    private readonly string _query;

    public GraphQLNetPeer(string query)
    {
        _query = query;
        _document = GraphQLParser.Parser.Parse(query);
    }

    public Task<ExecutionResult> ExecuteAsync() =>
        _executer.ExecuteAsync(new ExecutionOptions { Schema = _schema, Query = _query, Document = _document });

    /// <summary>Executes <paramref name="query"/> from its text (parse + validate + execute), for the HTTP peer.</summary>
    public Task<ExecutionResult> ExecuteAsync(string query, Inputs? variables) =>
        _executer.ExecuteAsync(new ExecutionOptions { Schema = _schema, Query = query, Variables = variables });

    private static Schema Build()
    {
        var report = new ObjectGraphType { Name = "Report" };
        for (var i = 1; i <= BenchSchema.FieldCount; i++)
        {
            var (type, value) = BenchSchema.Field(i);
            IGraphType leaf = type switch
            {
                "String!" => new StringGraphType(),
                "Int!" => new IntGraphType(),
                "Float!" => new FloatGraphType(),
                _ => new BooleanGraphType(),
            };
            report.AddField(new FieldType { Name = BenchSchema.FieldName(i), ResolvedType = new NonNullGraphType(leaf), Resolver = new FuncFieldResolver<object>(_ => value) });
        }
        var data = new object();
        var query = new ObjectGraphType { Name = "Query" };
        query.AddField(new FieldType { Name = "report", ResolvedType = new NonNullGraphType(report), Resolver = new FuncFieldResolver<object>(_ => data) });
        var schema = new Schema { Query = query };
        schema.Initialize();
        return schema;
    }
}
