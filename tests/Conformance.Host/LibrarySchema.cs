using System.Globalization;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.Conformance.Host;

/// <summary>
/// The test schema of the conformance suites: small, but with every kind of type and type-system feature
/// the engine supports (a schema description, descriptions on everything, interfaces implementing
/// interfaces, a union, an enum with a deprecated value, a custom scalar with <c>@specifiedBy</c>, a
/// <c>@oneOf</c> input, deprecated fields, arguments and input fields, a repeatable custom directive, a mutation).
/// </summary>
public static class LibrarySchema
{
    public static GraphQLSchema Build(Library library) => new SchemaBuilder()
        .Description("A lending library: the test schema of GraphReports' GraphQL conformance suites.")
        .Query("Query", query => query
            .Description("What can be read from the library.")
            .Field("greeting", "String!", f => f
                .Description("Greets *name*; the browser suite runs this through the IDE.")
                .Argument("name", "String", a => a.Description("Who to greet.").DefaultValue("world"))
                .Resolve(context => $"Hello, {context.Arguments["name"]}!"))
            .Field("item", "Item", f => f
                .Description("One item, found by exactly one of its keys.")
                .Argument("key", "ItemKey!", a => a.Description("The key to look the item up by."))
                .Resolve(context => FindItem(library, (IReadOnlyDictionary<string, object?>)context.Arguments["key"]!)))
            .Field("items", "[Item!]!", f => f
                .Description("Items in identifier order.")
                .Argument("kind", "MediaKind", a => a.Description("Only items of this kind."))
                .Argument("first", "Int", a => a.Description("At most this many items.").DefaultValue(10))
                .Argument("limit", "Int", a => a.Description("Former name of `first`.").Deprecated("Use `first`."))
                .Resolve(context =>
                {
                    var kind = context.Arguments.GetValueOrDefault("kind") as MediaKind?;
                    var first = (int)(context.Arguments.GetValueOrDefault("limit") ?? context.Arguments["first"] ?? int.MaxValue);
                    return library.Items.Where(item => kind is null || item.Kind == kind).Take(first).ToList();
                }))
            .Field("search", "[SearchResult!]!", f => f
                .Description("Items and people whose title or name contains *text* (case-insensitive).")
                .Argument("text", "String!", a => a.Description("What to look for."))
                .Resolve(context =>
                {
                    var text = (string)context.Arguments["text"]!;
                    return library.Items.Where(i => i.Title.Contains(text, StringComparison.OrdinalIgnoreCase)).Cast<object>()
                        .Concat(library.People.Where(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase)))
                        .ToList();
                }))
            .Field("node", "Node", f => f
                .Description("Anything with an identifier.")
                .Argument("id", "ID!", a => a.Description("The identifier."))
                .Resolve(context => library.Node((string)context.Arguments["id"]!)))
            .Field("oldestBook", "Book", f => f
                .Description("The first book catalogued.")
                .Deprecated("Use `items(kind: BOOK, first: 1)`.")
                .Resolve(_ => library.Items.OfType<Book>().FirstOrDefault()))
            .Field("echoDate", "DateTime", f => f
                .Description("Returns the date it is given: custom scalar input and output.")
                .Argument("date", "DateTime", a => a.Description("Any date and time with an offset."))
                .Resolve(context => context.Arguments.GetValueOrDefault("date"))))
        .Mutation("Mutation", mutation => mutation
            .Description("What changes the library.")
            .Field("addBook", "Book!", f => f
                .Description("Catalogues a new book and returns it.")
                .Argument("book", "NewBook!", a => a.Description("The book's details."))
                .Resolve(context =>
                {
                    var book = (IReadOnlyDictionary<string, object?>)context.Arguments["book"]!;
                    return library.Add((string)book["title"]!, (int)book["pages"]!);
                })))
        .Interface("Node", node => node
            .Description("Anything with a global identifier.")
            .Field("id", "ID!", f => f.Description("The identifier.")))
        .Interface("Item", item => item
            .Description("Something that can be borrowed.")
            .Implements("Node")
            .Field("id", "ID!", f => f.Description("The identifier."))
            .Field("title", "String!", f => f.Description("The title on the cover."))
            .Field("kind", "MediaKind!", f => f.Description("What sort of item it is.")))
        .Object("Book", book => book
            .Description("A printed book.")
            .ClrType<Book>()
            .Implements("Item", "Node")
            .Field("id", "ID!", f => f.Description("The identifier.").Resolve(c => c.SourceAs<Book>().Id))
            .Field("title", "String!", f => f.Description("The title on the cover.").Resolve(c => c.SourceAs<Book>().Title))
            .Field("kind", "MediaKind!", f => f.Description("Always BOOK.").Resolve(c => c.SourceAs<Book>().Kind))
            .Field("pages", "Int!", f => f.Description("Number of pages.").Resolve(c => c.SourceAs<Book>().Pages))
            .Field("author", "Person", f => f.Description("Who wrote it, when known.").Resolve(c => c.SourceAs<Book>().Author))
            .Field("isbn", "String", f => f
                .Description("The ISBN-13, when it has one.")
                .Deprecated("Look books up with `item(key: {isbn: ...})`.")
                .Resolve(c => c.SourceAs<Book>().Isbn)))
        .Object("Film", film => film
            .Description("A film on disc.")
            .ClrType<Film>()
            .Implements("Item", "Node")
            .Field("id", "ID!", f => f.Description("The identifier.").Resolve(c => c.SourceAs<Film>().Id))
            .Field("title", "String!", f => f.Description("The title on the cover.").Resolve(c => c.SourceAs<Film>().Title))
            .Field("kind", "MediaKind!", f => f.Description("Always FILM.").Resolve(c => c.SourceAs<Film>().Kind))
            .Field("minutes", "Int!", f => f.Description("Running time in minutes.").Resolve(c => c.SourceAs<Film>().Minutes))
            .Field("director", "Person!", f => f.Description("Who directed it.").Resolve(c => c.SourceAs<Film>().Director)))
        .Object("Person", person => person
            .Description("An author or a director.")
            .ClrType<Person>()
            .Implements("Node")
            .Field("id", "ID!", f => f.Description("The identifier.").Resolve(c => c.SourceAs<Person>().Id))
            .Field("name", "String!", f => f.Description("Full name.").Resolve(c => c.SourceAs<Person>().Name))
            .Field("born", "DateTime", f => f.Description("Date of birth.").Resolve(c => c.SourceAs<Person>().Born)))
        .Union("SearchResult", union => union
            .Description("What a search can find.")
            .Types("Book", "Film", "Person"))
        .Enum<MediaKind>(kind => kind
            .Description("Kinds of items.")
            .Value(MediaKind.Book, configure: v => v.Description("A printed book."))
            .Value(MediaKind.Film, configure: v => v.Description("A film on disc."))
            .Value(MediaKind.Album, configure: v => v.Description("A music album.").Deprecated("Albums moved to the music catalogue.")))
        .InputObject("ItemKey", key => key
            .Description("Finds an item by exactly one key.")
            .OneOf()
            .Field("id", "ID", f => f.Description("The item's identifier."))
            .Field("isbn", "String", f => f.Description("A book's ISBN-13.")))
        .InputObject("NewBook", book => book
            .Description("The details of a book to catalogue.")
            .Field("title", "String!", f => f.Description("The title on the cover."))
            .Field("pages", "Int", f => f.Description("Number of pages.").DefaultValue(100))
            .Field("shelfCode", "String", f => f.Description("Where it used to be shelved.").Deprecated("Shelves are assigned by the library.")))
        .Scalar("DateTime", scalar => scalar
            .Description("A date and time with an offset, as RFC 3339 writes it.")
            .SpecifiedBy("https://scalars.graphql.org/andimarek/date-time")
            .Serialize(value => value is DateTimeOffset date
                ? date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                : throw new GraphQLError($"DateTime cannot represent {value}."))
            .ParseValue(value => value is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new GraphQLError($"DateTime cannot represent {value}: expected a date like 2024-05-01T12:00:00+02:00.")))
        .Directive("tag", tag => tag
            .Description("Labels a field of a request for logs; may be given several times.")
            .Locations(DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment)
            .Repeatable()
            .Argument("name", "String!", a => a.Description("The label.")))
        .Build();

    private static Item? FindItem(Library library, IReadOnlyDictionary<string, object?> key) =>
        key.TryGetValue("id", out var id) && id is string text ? library.ById(text)
        : key.TryGetValue("isbn", out var isbn) && isbn is string code ? library.ByIsbn(code)
        : null;
}
