using System.Collections.Concurrent;

namespace GraphReports.Conformance.Host;

/// <summary>What the library holds (in memory, per process): the data behind <see cref="LibrarySchema"/>.</summary>
public sealed class Library
{
    private static readonly Person Tolkien = new("p1", "J. R. R. Tolkien", new DateTimeOffset(1892, 1, 3, 0, 0, 0, TimeSpan.Zero));
    private static readonly Person Jackson = new("p2", "Peter Jackson", new DateTimeOffset(1961, 10, 31, 0, 0, 0, TimeSpan.FromHours(13)));

    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal)
    {
        ["b1"] = new Book("b1", "The Hobbit", 310, Tolkien, "978-0-261-10221-7"),
        ["b2"] = new Book("b2", "The Silmarillion", 365, Tolkien, "978-0-261-10273-6"),
        ["f1"] = new Film("f1", "The Fellowship of the Ring", 178, Jackson),
    };

    private int _nextBook = 2; // b1 and b2 exist

    public IEnumerable<Item> Items => _items.Values.OrderBy(item => item.Id, StringComparer.Ordinal);

    public IEnumerable<Person> People => [Tolkien, Jackson];

    public Item? ById(string id) => _items.GetValueOrDefault(id);

    public Book? ByIsbn(string isbn) => Items.OfType<Book>().FirstOrDefault(book => book.Isbn == isbn);

    public object? Node(string id) => (object?)ById(id) ?? People.FirstOrDefault(person => person.Id == id);

    public Book Add(string title, int pages)
    {
        var id = "b" + Interlocked.Increment(ref _nextBook);
        var book = new Book(id, title, pages, null, null);
        _items[id] = book;
        return book;
    }
}

public enum MediaKind
{
    Book,
    Film,
    Album,
}

public abstract record Item(string Id, string Title, MediaKind Kind);

public sealed record Book(string Id, string Title, int Pages, Person? Author, string? Isbn) : Item(Id, Title, MediaKind.Book);

public sealed record Film(string Id, string Title, int Minutes, Person Director) : Item(Id, Title, MediaKind.Film);

public sealed record Person(string Id, string Name, DateTimeOffset Born);
