using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>Resolvers of one level ask a request's loader for keys; one backend call serves them all.</summary>
public sealed class BatchingTests
{
    private sealed class Backend
    {
        public List<IReadOnlyList<int>> Calls { get; } = [];

        public async Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(keys);
            }

            await Task.Delay(1, cancellationToken);
            return keys.ToDictionary(k => k, k => $"user {k}");
        }
    }

    private static GraphQLSchema Build(Backend backend) => new SchemaBuilder()
        .Query("Query", q => q
            .Field("user", "User", f => f
                .Argument<int>("id")
                .ResolveAsync(ctx => ctx.Loader<int, string>("users", backend.FetchAsync).LoadAsync(ctx.Argument<int>("id"))))
            .Field("posts", "[Post]", f => f.Resolve(_ => Enumerable.Range(1, 5).Select(i => new Post(i, 100 + (i % 3))).ToList())))
        .Object("User", o => o.Field("name", "String", f => f.Resolve(ctx => ctx.Source)))
        .Object("Post", o => o
            .Field<Post, int>("id", p => p.Id)
            .Field("author", "User", f => f.ResolveAsync(ctx => ctx.Loader<int, string>("users", backend.FetchAsync).LoadAsync(ctx.SourceAs<Post>().AuthorId)))
            .Field("editor", "User", f => f.ResolveAsync(async ctx =>
            {
                // A resolver that first awaits its own I/O still gets its key served.
                await Task.Delay(5);
                return await ctx.Loader<int, string>("users", backend.FetchAsync).LoadAsync(ctx.SourceAs<Post>().AuthorId + 1000);
            })))
        .Build();

    private sealed record Post(int Id, int AuthorId);

    [Fact]
    public async Task Twenty_sibling_fields_asking_a_loader_cause_exactly_one_backend_call()
    {
        var backend = new Backend();
        var query = "{ " + string.Join(" ", Enumerable.Range(1, 20).Select(i => $"u{i}: user(id: {i}) {{ name }}")) + " }";

        var json = await Run.JsonAsync(Build(backend), query);

        var call = Assert.Single(backend.Calls);
        Assert.Equal(Enumerable.Range(1, 20), call);
        Assert.Equal("user 20", json["data"]!["u20"]!["name"]!.GetValue<string>());
        Assert.Null(json["errors"]);
    }

    [Fact]
    public async Task Fields_of_every_list_item_are_batched_and_duplicate_keys_fetched_once()
    {
        var backend = new Backend();

        var json = await Run.JsonAsync(Build(backend), "{ posts { id author { name } } }");

        var call = Assert.Single(backend.Calls);
        Assert.Equal([101, 102, 100], call);
        Assert.Equal("user 102", json["data"]!["posts"]![1]!["author"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keys_asked_after_a_resolver_own_await_are_still_served()
    {
        var backend = new Backend();

        var json = await Run.JsonAsync(Build(backend), "{ posts { editor { name } } }");

        Assert.Null(json["errors"]);
        Assert.Equal("user 1101", json["data"]!["posts"]![0]!["editor"]!["name"]!.GetValue<string>());
        Assert.Equal([1100, 1101, 1102], backend.Calls.SelectMany(c => c).Order());
    }

    [Fact]
    public async Task A_failing_batch_fails_each_field_that_asked()
    {
        var schema = new SchemaBuilder()
            .Query("Query", q => q
                .Field("a", "String", f => f.ResolveAsync(ctx => ctx.Loader<int, string>("broken", (_, _) => throw new TimeoutException("backend down")).LoadAsync(1)))
                .Field("b", "String", f => f.ResolveAsync(ctx => ctx.Loader<int, string>("broken", (_, _) => throw new TimeoutException("backend down")).LoadAsync(2))))
            .Build();

        var json = await Run.JsonAsync(schema, "{ a b }");

        Run.AssertJsonEqual("""{"a":null,"b":null}""", json["data"]);
        Assert.Equal(2, json["errors"]!.AsArray().Count);
        Assert.All(json["errors"]!.AsArray(), e => Assert.Equal("Unexpected error.", e!["message"]!.GetValue<string>()));
    }
}
