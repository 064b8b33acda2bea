using Xunit.Sdk;

namespace GraphReports.Reports.Contract;

/// <summary>
/// A contract test: a fact that runs, or is reported as skipped with the reason, depending on the test
/// class's <see cref="RequiresStoreAttribute"/> (never silently passed).
/// </summary>
[XunitTestCaseDiscoverer("GraphReports.Reports.Contract.ContractFactDiscoverer", "GraphReports.Reports.Contract")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>
/// On a concrete contract class: the store it needs, checked when tests are discovered. <see cref="ProbeType"/> is a
/// type with a static <c>string? SkipReason()</c> (null when the store is reachable).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresStoreAttribute(Type probeType) : Attribute
{
    public Type ProbeType { get; } = probeType;
}
