using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>A field error nulls the nearest nullable position above it, and is reported once with its path.</summary>
public sealed class NullPropagationTests
{
    private static readonly GraphQLSchema Schema = new SchemaBuilder()
        .Query("Query", q => q
            .Field("nullable", "Item", f => f.Resolve(_ => new object()))
            .Field("required", "Item!", f => f.Resolve(_ => new object()))
            .Field("items", "[Item!]", f => f.Resolve(_ => new[] { 1, 2, 3 }))
            .Field("looseItems", "[Item]", f => f.Resolve(_ => new[] { 1, 2, 3 }))
            .Field("sibling", "String", f => f.Resolve(_ => "still here")))
        .Object("Item", o => o
            .Field("fails", "String", f => f.Resolve(_ => throw new GraphQLError("boom")))
            .Field("failsRequired", "String!", f => f.Resolve(_ => throw new GraphQLError("boom")))
            .Field("nullRequired", "String!", f => f.Resolve(_ => null))
            .Field("secondFails", "String!", f => f.Resolve(ctx => ctx.Path.Previous!.Key is 1 ? throw new GraphQLError("second") : "ok"))
            .Field("asyncNullRequired", "String!", f => f.ResolveAsync(async _ => { await Task.Yield(); return (string?)null; })))
        .Build();

    [Fact]
    public async Task Error_in_nullable_field_nulls_only_that_field()
    {
        var json = await Run.JsonAsync(Schema, "{ nullable { fails } sibling }");

        Run.AssertJsonEqual("""{"nullable":{"fails":null},"sibling":"still here"}""", json["data"]);
        Run.AssertJsonEqual("""[{"message":"boom","locations":[{"line":1,"column":14}],"path":["nullable","fails"]}]""", json["errors"]);
    }

    [Fact]
    public async Task Error_in_non_null_field_nulls_the_nullable_parent()
    {
        var json = await Run.JsonAsync(Schema, "{ nullable { failsRequired } sibling }");

        Run.AssertJsonEqual("""{"nullable":null,"sibling":"still here"}""", json["data"]);
        Run.AssertJsonEqual("""[{"message":"boom","locations":[{"line":1,"column":14}],"path":["nullable","failsRequired"]}]""", json["errors"]);
    }

    [Fact]
    public async Task Null_returned_for_non_null_field_is_an_error_at_that_field()
    {
        var json = await Run.JsonAsync(Schema, "{ nullable { nullRequired } }");

        Run.AssertJsonEqual("""{"nullable":null}""", json["data"]);
        Assert.Equal("Cannot return null for non-nullable field Item.nullRequired.", json["errors"]![0]!["message"]!.GetValue<string>());
        Run.AssertJsonEqual("""["nullable","nullRequired"]""", json["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task Null_bubbling_through_non_null_root_field_nulls_data()
    {
        var json = await Run.JsonAsync(Schema, "{ sibling required { failsRequired } }");

        Run.AssertJsonEqual("null", json["data"]);
        Assert.Single(json["errors"]!.AsArray());
    }

    [Fact]
    public async Task Error_in_non_null_list_item_nulls_the_whole_list()
    {
        var json = await Run.JsonAsync(Schema, "{ items { secondFails } }");

        Run.AssertJsonEqual("""{"items":null}""", json["data"]);
        Run.AssertJsonEqual("""["items",1,"secondFails"]""", json["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task Error_in_nullable_list_item_nulls_only_that_item()
    {
        var json = await Run.JsonAsync(Schema, "{ looseItems { secondFails } }");

        Run.AssertJsonEqual("""{"looseItems":[{"secondFails":"ok"},null,{"secondFails":"ok"}]}""", json["data"]);
        Run.AssertJsonEqual("""["looseItems",1,"secondFails"]""", json["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task Async_null_for_non_null_field_propagates_like_a_sync_one()
    {
        var json = await Run.JsonAsync(Schema, "{ nullable { asyncNullRequired } sibling }");

        Run.AssertJsonEqual("""{"nullable":null,"sibling":"still here"}""", json["data"]);
        Assert.Equal("Cannot return null for non-nullable field Item.asyncNullRequired.", json["errors"]![0]!["message"]!.GetValue<string>());
    }
}
