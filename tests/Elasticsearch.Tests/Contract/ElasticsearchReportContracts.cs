using GraphReports.Reports.Contract;

namespace GraphReports.Elasticsearch.Tests.Contract;

/// <summary>The hand-counted figures (DST months included) on a real Elasticsearch cluster; skipped, saying why, without one.</summary>
[RequiresStore(typeof(ElasticsearchCluster))]
public sealed class HandMadeReportsOnElasticsearch : HandMadeReportContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => ElasticsearchContractStore.Create();
}

/// <summary>Random slices on a real Elasticsearch cluster against the in-memory evaluation; skipped, saying why, without one.</summary>
[RequiresStore(typeof(ElasticsearchCluster))]
public sealed class RandomSlicesOnElasticsearch : RandomSlicesContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => ElasticsearchContractStore.Create();
}
