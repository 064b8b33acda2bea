using GraphReports.Api.Reports;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.Api.Tests.Reports;

public class ServedSchemaTests
{
    private const string Regenerate = "UPDATE_SCHEMA=1 dotnet test tests/Api.Tests --filter ServedSchemaTests";

    [Fact]
    public void Schema_file_is_exactly_the_served_SDL()
    {
        var served = SchemaPrinter.Print(ReportsApi.CreateSchema(TimeProvider.System));
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
            File.WriteAllText(Examples.SchemaFile, served);
        var file = File.ReadAllText(Examples.SchemaFile);
        Assert.True(served == file,
            $"schema/schema.graphql differs from the SDL the Api serves. If the change is intended, regenerate the file with:\n  {Regenerate}\nand review the diff.");
    }
}
