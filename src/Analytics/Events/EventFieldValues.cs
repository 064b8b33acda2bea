namespace GraphReports.Analytics.Events;

/// <summary>The fields of one event while <see cref="EventJsonReader"/> reads it, before the required ones are checked.</summary>
internal struct EventFieldValues
{
    public string? Id;
    public EventType? Type;
    public DateTimeOffset? Timestamp;
    public string? User;
    public string? Session;
    public string? Visitor;
    public AssetRef? Asset;
    public CollectionRef? Collection;
    public SearchDetails? Search;
    public DownloadDetails? Download;
    public UploadDetails? Upload;
    public int? Rating;
    public UsageChannel? Channel;
    public string? Page;

    public readonly EventFields Present()
    {
        var p = EventFields.None;
        if (User is not null) p |= EventFields.User;
        if (Session is not null) p |= EventFields.Session;
        if (Asset is not null) p |= EventFields.Asset;
        if (Collection is not null) p |= EventFields.Collection;
        if (Search is not null) p |= EventFields.Search;
        if (Download is not null) p |= EventFields.Download;
        if (Upload is not null) p |= EventFields.Upload;
        if (Rating is not null) p |= EventFields.Rating;
        if (Channel is not null) p |= EventFields.Channel;
        if (Page is not null) p |= EventFields.Page;
        return p;
    }

    public readonly ActivityEvent ToEvent() => new()
    {
        Id = Id!,
        Type = Type!.Value,
        Timestamp = Timestamp!.Value,
        User = User,
        Session = Session,
        Visitor = Visitor,
        Asset = Asset,
        Collection = Collection,
        Search = Search,
        Download = Download,
        Upload = Upload,
        Rating = Rating,
        Channel = Channel,
        Page = Page,
    };
}
