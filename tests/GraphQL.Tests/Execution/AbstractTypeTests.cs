using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>How a value of an interface or union finds its object type.</summary>
public sealed class AbstractTypeTests
{
    private sealed record Cat(string Name, bool Meows);

    private sealed record Dog(string Name, bool Barks);

    private sealed record Fish(string Name);

    [Fact]
    public async Task IsTypeOf_resolves_union_members()
    {
        var schema = new SchemaBuilder()
            .Query("Query", q => q.Field("pets", "[Pet]", f => f.Resolve(_ => new object[] { new Cat("Tom", true), new Dog("Rex", true) })))
            .Union("Pet", u => u.Types("Cat", "Dog"))
            .Object("Cat", o => o.IsTypeOf(v => v is Cat).Field("name", "String").Field("meows", "Boolean"))
            .Object("Dog", o => o.IsTypeOf(v => v is Dog).Field("name", "String").Field("barks", "Boolean"))
            .Build();

        var json = await Run.JsonAsync(schema, "{ pets { __typename ... on Cat { name meows } ... on Dog { name barks } } }");

        Run.AssertJsonEqual("""{"pets":[{"__typename":"Cat","name":"Tom","meows":true},{"__typename":"Dog","name":"Rex","barks":true}]}""", json["data"]);
    }

    [Fact]
    public async Task Clr_type_binding_and_typename_keys_resolve_interfaces()
    {
        var schema = new SchemaBuilder()
            .Query("Query", q => q.Field("animals", "[Animal]", f => f.Resolve(_ => new object[]
            {
                new Cat("Tom", true),
                new Dictionary<string, object?> { ["__typename"] = "Dog", ["name"] = "Rex" },
            })))
            .Interface("Animal", i => i.Field("name", "String"))
            .Object("Cat", o => o.ClrType<Cat>().Implements("Animal").Field("name", "String"))
            .Object("Dog", o => o.Implements("Animal").Field("name", "String"))
            .Build();

        var json = await Run.JsonAsync(schema, "{ animals { __typename name } }");

        Run.AssertJsonEqual("""{"animals":[{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","name":"Rex"}]}""", json["data"]);
    }

    [Fact]
    public async Task Unresolvable_value_is_a_field_error_naming_the_abstract_type()
    {
        var schema = new SchemaBuilder()
            .Query("Query", q => q.Field("animal", "Animal", f => f.Resolve(_ => new Fish("Nemo"))))
            .Interface("Animal", i => i.Field("name", "String"))
            .Object("Cat", o => o.ClrType<Cat>().Implements("Animal").Field("name", "String"))
            .Build();

        var json = await Run.JsonAsync(schema, "{ animal { name } }");

        Run.AssertJsonEqual("""{"animal":null}""", json["data"]);
        Assert.StartsWith("Abstract type \"Animal\" must resolve to an Object type at runtime for field \"Query.animal\".", json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResolveType_naming_a_type_outside_the_union_is_an_error()
    {
        var schema = new SchemaBuilder()
            .Query("Query", q => q.Field("pet", "Pet", f => f.Resolve(_ => new Fish("Nemo"))))
            .Union("Pet", u => u.Types("Cat").ResolveType(_ => "Fish"))
            .Object("Cat", o => o.Field("name", "String"))
            .Object("Fish", o => o.Field("name", "String"))
            .Build();

        var json = await Run.JsonAsync(schema, "{ pet { __typename } }");

        Assert.Equal("Runtime Object type \"Fish\" is not a possible type for \"Pet\".", json["errors"]![0]!["message"]!.GetValue<string>());
    }
}
