using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Types;

namespace GraphReports.Api.Reports.Schema;

/// <summary>The GraphQL report schema served by the Api (schema/schema.graphql is its printed form).</summary>
public static class ReportSchema
{
    public const string Description = """
        GraphReports: usage analytics of a digital-asset library, per product environment.
        Every query starts at `environment`, the product environment of the API key sent as
        `Authorization: Bearer <key>`; nothing in this schema can reach another environment's data.
        """;

    /// <summary>Builds the schema; <paramref name="openScope"/> resolves <c>Query.environment</c> for each request.</summary>
    public static GraphQLSchema Create(Func<ResolveFieldContext, ReportScope> openScope) => new SchemaBuilder()
        .Description(Description)
        .AddEnvironment(openScope)
        .AddSections()
        .AddInsights()
        .AddActivity()
        .AddSiteTracking()
        .AddReportEnums()
        .AddReportScalars()
        .Build();
}
