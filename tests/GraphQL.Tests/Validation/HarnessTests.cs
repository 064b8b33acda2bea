using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Validation;

namespace GraphReports.GraphQL.Tests.Validation;

public class HarnessTests
{
    [Fact]
    public void Harness_schema_has_the_roots_types_and_directives_of_its_sdl()
    {
        var schema = Harness.Schema;
        Assert.Equal("QueryRoot", schema.QueryType?.Name);
        Assert.Equal("MutationRoot", schema.MutationType?.Name);
        Assert.Equal("SubscriptionRoot", schema.SubscriptionType?.Name);
        var dog = Assert.IsType<GraphQLObjectType>(schema.GetType("Dog"));
        Assert.Equal(["Pet", "Mammal", "Canine"], dog.Interfaces.Select(i => i.Name));
        Assert.True(dog.GetField("isHouseTrained")!.GetArgument("atOtherHomes")!.HasDefaultValue);
        Assert.True(Assert.IsType<GraphQLInputObjectType>(schema.GetType("OneOfInput")).IsOneOf);
        Assert.True(schema.GetDirective("repeatableOnField")!.IsRepeatable);
    }

    [Fact]
    public void A_valid_query_passes_every_specified_rule()
    {
        var errors = DocumentValidator.Validate(Harness.Schema, GraphQL.Language.Parser.Parse("""
            query Q($command: DogCommand = SIT) {
              dog { name(surname: true) doesKnowCommand(dogCommand: $command) ...DogFields }
              catOrDog { ... on Cat { meows } }
              __typename
            }
            fragment DogFields on Dog { barkVolume mother { name } }
            """));
        Assert.Empty(Harness.Describe(errors));
    }
}
