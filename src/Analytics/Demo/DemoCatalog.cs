using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Demo;

/// <summary>
/// The things one environment's demo events talk about: users, assets (with names, folders and
/// types), search texts, filter pairs, expressions, visual search phrases, web pages. Built from the
/// seed alone; its size grows with the number of events but never with time, so generation runs in
/// constant memory.
/// </summary>
internal sealed class DemoCatalog
{
    private static readonly string[] FirstNames = ["anna", "ben", "carla", "david", "elena", "felix", "greta", "hugo", "ines", "jonas", "kara", "leon", "mia", "noah", "olga", "paul", "rosa", "sam", "tina", "uwe", "vera", "will", "xenia", "yusuf", "zoe", "amir", "bea", "chen", "dana", "emil"];
    private static readonly string[] LastNames = ["schmidt", "miller", "garcia", "nguyen", "kowalski", "rossi", "dubois", "silva", "tanaka", "olsen", "novak", "keller", "brown", "costa", "fischer", "meyer", "lopez", "wagner", "smith", "weber"];
    private static readonly string[] Subjects = ["beach", "mountain", "city skyline", "team meeting", "product shot", "logo", "sneaker", "coffee", "laptop", "office", "family", "dog", "sunset", "forest", "bicycle", "car", "headphones", "kitchen", "portrait", "handshake", "conference", "warehouse", "drone view", "packaging", "storefront", "winter jacket", "summer dress", "smartphone", "watch", "bottle"];
    private static readonly string[] Modifiers = ["", "red", "blue", "green", "black and white", "outdoor", "studio", "close up", "aerial", "vintage", "night", "happy", "minimal", "hero", "banner", "christmas", "spring", "autumn", "2025", "2026"];
    private static readonly string[] NothingFound = ["unicorn launch", "q3 robot mascot", "old logo 1998", "ceo hologram", "mars office", "underwater keynote", "purple giraffe", "flying car prototype"];
    private static readonly string[] VisualPhrases = ["a dog running on a beach at sunset", "people shaking hands in an office", "a red sneaker on a white background", "aerial view of a city at night", "a cup of coffee on a wooden table", "snowy mountains under a blue sky", "a woman laughing outdoors", "a laptop on a desk with plants", "a bicycle leaning against a wall", "colorful packaging on a shelf", "a crowd at a conference", "a family having dinner", "a drone shot of a forest", "a close up of a watch", "a storefront with neon lights", "a kitchen with marble counters"];
    private static readonly string[] Presets = ["watermark", "web-1200", "thumbnail-400", "print-cmyk", "social-square"];
    private static readonly string[] FolderRoots = ["marketing/2026/spring", "marketing/2026/summer", "marketing/2025/autumn", "marketing/2025/winter", "products/footwear", "products/apparel", "products/accessories", "brand/logos", "brand/guidelines", "events/summit-2025", "events/summit-2026/day-1", "events/summit-2026/day-2", "social/instagram", "social/linkedin", "press/releases", "people/portraits", "web/homepage", "web/blog", "archive/2019", "video/campaigns"];
    private static readonly (string Field, string[] Values)[] FilterFields =
    [
        ("tag", ["campaign", "hero", "approved", "lifestyle", "product", "people", "archived", "seasonal", "print", "social"]),
        ("format", ["jpg", "png", "mp4", "mov", "dng", "cr3"]),
        ("orientation", ["landscape", "portrait", "square"]),
        ("color", ["red", "blue", "green", "black", "white", "yellow"]),
        ("license", ["royalty-free", "rights-managed", "internal-only"]),
        ("campaign", ["spring-2026", "summer-2026", "black-friday", "brand-refresh", "summit"]),
    ];
    private static readonly string[] PageSections = ["", "products", "blog", "about", "campaigns", "stories", "careers", "press"];

    public DemoCatalog(string environmentId, long events, DemoRandom random)
    {
        EnvironmentId = environmentId;
        Domain = $"www.{environmentId}.example";

        var userCount = (int)Math.Clamp(events / 250, 12, 20_000);
        Users = new string[userCount];
        for (var i = 0; i < userCount; i++)
        {
            var name = $"{FirstNames[i % FirstNames.Length]}.{LastNames[i / FirstNames.Length % LastNames.Length]}";
            Users[i] = i < FirstNames.Length * LastNames.Length ? name : $"{name}{i / (FirstNames.Length * LastNames.Length)}";
        }
        Shuffle(Users, random);
        UserActivity = new ZipfSampler(userCount, 1.15);

        var assetCount = (int)Math.Clamp(events / 40, 80, 200_000);
        Assets = new AssetRef[assetCount];
        ImageAssets = [];
        var images = new List<AssetRef>();
        for (var i = 0; i < assetCount; i++)
        {
            // Folders come in blocks of consecutive assets so that a bulk download of a folder is a run of ids.
            var folder = FolderRoots[(i / 25) % FolderRoots.Length];
            var roll = random.NextDouble();
            var (type, ext) = roll < 0.70 ? ("image", random.Chance(0.8) ? "jpg" : "png")
                : roll < 0.88 ? ("video", random.Chance(0.7) ? "mp4" : "mov")
                : ("raw", random.Chance(0.5) ? "dng" : "cr3");
            var subject = Subjects[random.Next(Subjects.Length)].Replace(' ', '-');
            var asset = new AssetRef($"ast-{i + 1:D6}", $"{subject}-{i + 1:D4}.{ext}", folder, type);
            Assets[i] = asset;
            if (type == "image") images.Add(asset);
        }
        ImageAssets = images.Count > 0 ? images.ToArray() : [Assets[0]];
        // Popularity is independent of the asset's position, so downloads do not cluster in one folder.
        AssetPopularity = new ZipfSampler(assetCount, 1.0);
        PopularityOrder = Enumerable.Range(0, assetCount).ToArray();
        Shuffle(PopularityOrder, random);
        ImagePopularity = new ZipfSampler(ImageAssets.Length, 1.05);

        var texts = new List<string>();
        foreach (var subject in Subjects)
            foreach (var modifier in Modifiers)
                texts.Add(modifier.Length == 0 ? subject : $"{modifier} {subject}");
        SearchTexts = texts.ToArray();
        Shuffle(SearchTexts, random);
        SearchTextPopularity = new ZipfSampler(SearchTexts.Length, 1.1);

        FilterPairs = FilterFields.SelectMany(f => f.Values.Select(v => new SearchFilter(f.Field, v))).ToArray();
        Shuffle(FilterPairs, random);
        FilterPopularity = new ZipfSampler(FilterPairs.Length, 1.0);

        var expressions = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var a = FilterPairs[random.Next(FilterPairs.Length)];
            var b = FilterPairs[random.Next(FilterPairs.Length)];
            var text = SearchTexts[random.Next(SearchTexts.Length)];
            expressions.Add((i % 4) switch
            {
                0 => $"{a.Field}:{a.Value} AND {b.Field}:{b.Value}",
                1 => $"\"{text}\" AND NOT tag:archived",
                2 => $"({a.Field}:{a.Value} OR {b.Field}:{b.Value}) AND created:>2025-01-01",
                _ => $"folder:\"{FolderRoots[random.Next(FolderRoots.Length)]}\" AND {a.Field}:{a.Value}",
            });
        }
        Expressions = expressions.Distinct().ToArray();
        ExpressionPopularity = new ZipfSampler(Expressions.Length, 1.0);
        VisualPhrasePopularity = new ZipfSampler(VisualPhrases.Length, 0.9);

        var pages = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var section = PageSections[i % PageSections.Length];
            pages.Add(section.Length == 0 && i == 0 ? $"https://{Domain}/" : $"https://{Domain}/{(section.Length == 0 ? "landing" : section)}/{Subjects[random.Next(Subjects.Length)].Replace(' ', '-')}-{i}");
        }
        Pages = pages.ToArray();
        PagePopularity = new ZipfSampler(Pages.Length, 1.0);
    }

    public string EnvironmentId { get; }
    public string Domain { get; }
    public string[] Users { get; }
    public ZipfSampler UserActivity { get; }
    public AssetRef[] Assets { get; }
    public AssetRef[] ImageAssets { get; }
    public ZipfSampler AssetPopularity { get; }
    public int[] PopularityOrder { get; }
    public ZipfSampler ImagePopularity { get; }
    public string[] SearchTexts { get; }
    public ZipfSampler SearchTextPopularity { get; }
    public SearchFilter[] FilterPairs { get; }
    public ZipfSampler FilterPopularity { get; }
    public string[] Expressions { get; }
    public ZipfSampler ExpressionPopularity { get; }
    public ZipfSampler VisualPhrasePopularity { get; }
    public string[] Pages { get; }
    public ZipfSampler PagePopularity { get; }

    public static IReadOnlyList<string> NothingFoundTexts => NothingFound;
    public static IReadOnlyList<string> PresetNames => Presets;

    public string User(DemoRandom random) => Users[UserActivity.Next(random)];
    public AssetRef Asset(DemoRandom random) => Assets[PopularityOrder[AssetPopularity.Next(random)]];
    public AssetRef Image(DemoRandom random) => ImageAssets[ImagePopularity.Next(random)];
    public string SearchText(DemoRandom random) => SearchTexts[SearchTextPopularity.Next(random)];
    public SearchFilter Filter(DemoRandom random) => FilterPairs[FilterPopularity.Next(random)];
    public string Expression(DemoRandom random) => Expressions[ExpressionPopularity.Next(random)];
    public string VisualPhrase(DemoRandom random) => VisualPhrases[VisualPhrasePopularity.Next(random)];
    public string Page(DemoRandom random) => Pages[PagePopularity.Next(random)];

    private static void Shuffle<T>(T[] items, DemoRandom random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
