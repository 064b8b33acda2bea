using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace GraphReports.Reports.Contract;

/// <summary>Makes each <see cref="ContractFactAttribute"/> a normal fact, or a skipped one carrying its store's reason.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresStoreAttribute)).FirstOrDefault();
        if (requirement?.GetConstructorArguments().FirstOrDefault() is Type probe
            && probe.GetMethod("SkipReason", BindingFlags.Public | BindingFlags.Static)?.Invoke(null, null) is string reason)
        {
            return [new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
