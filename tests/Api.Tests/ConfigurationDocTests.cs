using GraphReports.Analytics.Environments;
using GraphReports.Api.Demo;
using GraphReports.Api.Export;
using GraphReports.Api.Maintenance;
using GraphReports.Api.Tests.Reports;

namespace GraphReports.Api.Tests;

/// <summary>docs/configuration.md lists every setting the Api binds.</summary>
public class ConfigurationDocTests
{
    public static TheoryData<Type, string> OptionSections() => new()
    {
        { typeof(StorageOptions), StorageOptions.SectionName },
        { typeof(DemoOptions), DemoOptions.SectionName },
        { typeof(RollupMaintenanceOptions), RollupMaintenanceOptions.SectionName },
        { typeof(ExportOptions), ExportOptions.SectionName },
    };

    [Theory]
    [MemberData(nameof(OptionSections))]
    public void Every_setting_of_a_section_is_listed(Type options, string section)
    {
        var doc = File.ReadAllText(Path.Combine(Examples.RepositoryRoot, "docs", "configuration.md"));
        var settings = options.GetProperties().Where(p => p.CanWrite).Select(p => $"| `{section}:{p.Name}` |").ToList();
        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.Contains(setting, doc));
    }
}
