using GraphReports.GraphQL.Errors;

namespace GraphReports.GraphQL.Language;

/// <summary>Builds the "Syntax Error: ..." errors of the lexer and parser, located at one offset.</summary>
public static class SyntaxError
{
    public static GraphQLError Create(Source source, int position, string description) =>
        new("Syntax Error: " + description, [source.GetLocation(position)]);
}
