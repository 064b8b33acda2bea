using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.StarWars;

/// <summary>graphql-js's Star Wars test schema, written with our builder (same types, order, descriptions).</summary>
public static class StarWarsSchema
{
    public static GraphQLSchema Schema { get; } = Build();

    private static GraphQLSchema Build() => new SchemaBuilder()
        .Enum<Episode>(e => e
            .Description("One of the films in the Star Wars Trilogy")
            .Value(Episode.NewHope, configure: v => v.Description("Released in 1977."))
            .Value(Episode.Empire, configure: v => v.Description("Released in 1980."))
            .Value(Episode.Jedi, configure: v => v.Description("Released in 1983.")))
        .Interface("Character", i => i
            .Description("A character in the Star Wars Trilogy")
            .Field("id", "String!", f => f.Description("The id of the character."))
            .Field("name", "String", f => f.Description("The name of the character."))
            .Field("friends", "[Character]", f => f.Description("The friends of the character, or an empty list if they have none."))
            .Field("appearsIn", "[Episode]", f => f.Description("Which movies they appear in."))
            .Field("secretBackstory", "String", f => f.Description("All secrets about their past."))
            .ResolveType(value => value is Human ? "Human" : "Droid"))
        .Object("Human", o => o
            .Description("A humanoid creature in the Star Wars universe.")
            .Implements("Character")
            .Field("id", "String!", f => f.Description("The id of the human."))
            .Field("name", "String", f => f.Description("The name of the human."))
            .Field("friends", "[Character]", f => f
                .Description("The friends of the human, or an empty list if they have none.")
                .ResolveAsync(ctx => StarWarsData.GetFriendsAsync(ctx.SourceAs<Character>())))
            .Field("appearsIn", "[Episode]", f => f.Description("Which movies they appear in."))
            .Field("homePlanet", "String", f => f.Description("The home planet of the human, or null if unknown."))
            .Field("secretBackstory", "String", f => f
                .Description("Where are they from and how they came to be who they are.")
                .Resolve(_ => throw new GraphQLError("secretBackstory is secret."))))
        .Object("Droid", o => o
            .Description("A mechanical creature in the Star Wars universe.")
            .Implements("Character")
            .Field("id", "String!", f => f.Description("The id of the droid."))
            .Field("name", "String", f => f.Description("The name of the droid."))
            .Field("friends", "[Character]", f => f
                .Description("The friends of the droid, or an empty list if they have none.")
                .ResolveAsync(ctx => StarWarsData.GetFriendsAsync(ctx.SourceAs<Character>())))
            .Field("appearsIn", "[Episode]", f => f.Description("Which movies they appear in."))
            .Field("secretBackstory", "String", f => f
                .Description("Construction date and the name of the designer.")
                .Resolve(_ => throw new GraphQLError("secretBackstory is secret.")))
            .Field("primaryFunction", "String", f => f.Description("The primary function of the droid.")))
        .Query("Query", q => q
            .Field("hero", "Character", f => f
                .Argument<Episode?>("episode", a => a.Description("If omitted, returns the hero of the whole saga. If provided, returns the hero of that particular episode."))
                .Resolve(ctx => StarWarsData.GetHero(ctx.Argument<Episode?>("episode"))))
            .Field("human", "Human", f => f
                .Argument("id", "String!", a => a.Description("id of the human"))
                .Resolve(ctx => StarWarsData.GetHuman(ctx.Argument<string>("id"))))
            .Field("droid", "Droid", f => f
                .Argument("id", "String!", a => a.Description("id of the droid"))
                .Resolve(ctx => StarWarsData.GetDroid(ctx.Argument<string>("id")))))
        .Types("Human", "Droid")
        .Build();
}
