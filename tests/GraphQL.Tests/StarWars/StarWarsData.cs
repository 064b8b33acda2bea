namespace GraphReports.GraphQL.Tests.StarWars;

/// <summary>The films of the original trilogy, with graphql-js's internal values (4, 5, 6).</summary>
public enum Episode
{
    NewHope = 4,
    Empire = 5,
    Jedi = 6,
}

public abstract record Character(string Id, string? Name, IReadOnlyList<string> Friends, IReadOnlyList<Episode> AppearsIn);

public sealed record Human(string Id, string? Name, IReadOnlyList<string> Friends, IReadOnlyList<Episode> AppearsIn, string? HomePlanet)
    : Character(Id, Name, Friends, AppearsIn);

public sealed record Droid(string Id, string? Name, IReadOnlyList<string> Friends, IReadOnlyList<Episode> AppearsIn, string? PrimaryFunction)
    : Character(Id, Name, Friends, AppearsIn);

/// <summary>The characters of graphql-js's Star Wars test data.</summary>
public static class StarWarsData
{
    private static readonly Episode[] AllEpisodes = [Episode.NewHope, Episode.Empire, Episode.Jedi];

    public static IReadOnlyDictionary<string, Character> Characters { get; } = new Character[]
    {
        new Human("1000", "Luke Skywalker", ["1002", "1003", "2000", "2001"], AllEpisodes, "Tatooine"),
        new Human("1001", "Darth Vader", ["1004"], AllEpisodes, "Tatooine"),
        new Human("1002", "Han Solo", ["1000", "1003", "2001"], AllEpisodes, null),
        new Human("1003", "Leia Organa", ["1000", "1002", "2000", "2001"], AllEpisodes, "Alderaan"),
        new Human("1004", "Wilhuff Tarkin", ["1001"], [Episode.NewHope], null),
        new Droid("2000", "C-3PO", ["1000", "1002", "1003", "2001"], AllEpisodes, "Protocol"),
        new Droid("2001", "R2-D2", ["1000", "1002", "1003"], AllEpisodes, "Astromech"),
    }.ToDictionary(c => c.Id);

    /// <summary>Luke is the hero of The Empire Strikes Back; R2-D2 of the saga and the other films.</summary>
    public static Character GetHero(Episode? episode) => Characters[episode == Episode.Empire ? "1000" : "2001"];

    public static Human? GetHuman(string id) => Characters.GetValueOrDefault(id) as Human;

    public static Droid? GetDroid(string id) => Characters.GetValueOrDefault(id) as Droid;

    /// <summary>Asynchronous on purpose, as in graphql-js's data, so that execution awaits real tasks.</summary>
    public static async Task<IReadOnlyList<Character>> GetFriendsAsync(Character character)
    {
        await Task.Yield();
        return character.Friends.Select(id => Characters[id]).ToList();
    }
}
