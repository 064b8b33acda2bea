using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Reports.Contract;

/// <summary>A store under the contract suite: fresh and empty when made, written through its own writer, read through its report store.</summary>
public interface IContractStore : IDisposable
{
    IReportStore Reports { get; }

    /// <summary>Writes one batch (as the Indexer would); returns how many events were new. The events are readable when it returns.</summary>
    int Write(string environmentId, IEnumerable<ActivityEvent> events);
}
