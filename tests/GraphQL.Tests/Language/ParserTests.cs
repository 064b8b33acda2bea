using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Tests.Language;

public class ParserTests
{
    private static GraphQLError ParseError(string document, ParserOptions? options = null) =>
        Assert.Throws<GraphQLError>(() => Parser.Parse(document, options));

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }", "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 37)]
    [InlineData("query Foo($x: Complex = { a: { b: [ 123, \"abc\", $ ] } }) { field }", "Syntax Error: Unexpected \"$\".", 1, 49)]
    [InlineData("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ f(a: 1 }", "Syntax Error: Expected Name, found \"}\".", 1, 10)]
    [InlineData("query Q($a) { f }", "Syntax Error: Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a: ) { f }", "Syntax Error: Expected Name, found \")\".", 1, 13)]
    [InlineData("query Q($a: [Int) { f }", "Syntax Error: Expected \"]\", found \")\".", 1, 17)]
    [InlineData("query Q($a: Int!!) { f }", "Syntax Error: Expected \"$\", found \"!\".", 1, 17)]
    [InlineData("{ f(a: [1, 2) }", "Syntax Error: Unexpected \")\".", 1, 13)]
    [InlineData("{ f(a: {b 1}) }", "Syntax Error: Expected \":\", found Int \"1\".", 1, 11)]
    [InlineData("{ f }}", "Syntax Error: Unexpected \"}\".", 1, 6)]
    [InlineData("query { f } extra", "Syntax Error: Unexpected Name \"extra\".", 1, 13)]
    [InlineData("\"desc\" { f }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type T @d", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("type T { f: Int = 1 }", "Syntax Error: Expected Name, found \"=\".", 1, 17)]
    [InlineData("type T implements & { f: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 21)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("union U = ", "Syntax Error: Expected Name, found <EOF>.", 1, 11)]
    [InlineData("directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\".", 1, 17)]
    [InlineData("directive @d(a: Int) on", "Syntax Error: Expected Name, found <EOF>.", 1, 24)]
    [InlineData("directive d on FIELD", "Syntax Error: Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16)]
    [InlineData("extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend union U", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend interface I", "Syntax Error: Unexpected <EOF>.", 1, 19)]
    [InlineData("extend foo", "Syntax Error: Unexpected Name \"foo\".", 1, 8)]
    [InlineData("schema { query }", "Syntax Error: Expected \":\", found \"}\".", 1, 16)]
    [InlineData("schema { other: T }", "Syntax Error: Unexpected Name \"other\".", 1, 10)]
    [InlineData("type T @d(a: $v) { f: Int }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 14)]
    [InlineData("{ f(a: $) }", "Syntax Error: Expected Name, found \")\".", 1, 9)]
    public void Malformed_documents_fail_with_graphql_js_messages_and_locations(string document, string message, int line, int column)
    {
        var error = ParseError(document);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Fact]
    public void Shorthand_query_is_an_anonymous_query_operation()
    {
        var document = Parser.Parse("{ node(id: 4) { id, name } }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        var node = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("node", node.Name.Value);
        Assert.Equal("4", Assert.IsType<IntValueNode>(Assert.Single(node.Arguments).Value).Value);
        Assert.Equal(["id", "name"], node.SelectionSet!.Selections.Cast<FieldNode>().Select(f => f.Name.Value));
    }

    [Fact]
    public void Locations_span_each_node_from_its_first_to_its_last_token()
    {
        const string text = "{\n  alias: field(arg: [1, 2]) @dir\n}";
        var document = Parser.Parse(text);
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal("alias: field(arg: [1, 2]) @dir", text[field.Location!.Start..field.Location.End]);
        Assert.Equal(new SourceLocation(2, 3), field.Location.StartLocation);
        var list = field.Arguments[0].Value;
        Assert.Equal("[1, 2]", text[list.Location!.Start..list.Location.End]);
        Assert.Equal(0, document.Location!.Start);
        Assert.Equal(text.Length, document.Location.End);
    }

    [Fact]
    public void A_location_given_to_a_node_built_in_code_is_kept()
    {
        var source = new Source("ab\ncd");
        var name = new NameNode { Value = "cd", Location = new Location(3, 5, source) };
        Assert.Equal((3, 5), (name.Location!.Start, name.Location.End));
        Assert.Equal(new SourceLocation(2, 1), name.Location.StartLocation);
        Assert.Null(new NameNode { Value = "x" }.Location);
    }

    [Fact]
    public void No_location_option_leaves_locations_out()
    {
        var document = Parser.Parse("{ a }", new ParserOptions { NoLocation = true });
        Assert.Null(document.Location);
        Assert.Null(((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Location);
    }

    [Fact]
    public void Keywords_are_allowed_as_names_everywhere_a_name_is()
    {
        var document = Parser.Parse("""
            query query($query: query = query) { query: query(query: query) { on fragment type } }
            fragment fragment on on { subscription }
            { ... on on { on } ...fragment }
            """);
        Assert.Equal(3, document.Definitions.Count);
    }

    [Fact]
    public void Values_of_every_kind_are_read()
    {
        var value = Assert.IsType<ObjectValueNode>(Parser.ParseValue(
            "{int: 1, float: -1.5e3, string: \"s\", block: \"\"\" b \"\"\", t: true, f: false, n: null, enum: RED, list: [1 [2]], obj: {a: $v}}"));
        Assert.Equal(["int", "float", "string", "block", "t", "f", "n", "enum", "list", "obj"], value.Fields.Select(f => f.Name.Value));
        Assert.Equal(
            [NodeKind.IntValue, NodeKind.FloatValue, NodeKind.StringValue, NodeKind.StringValue, NodeKind.BooleanValue,
             NodeKind.BooleanValue, NodeKind.NullValue, NodeKind.EnumValue, NodeKind.ListValue, NodeKind.ObjectValue],
            value.Fields.Select(f => f.Value.Kind));
        Assert.True(((StringValueNode)value.Fields[3].Value).Block);
        Assert.Equal(" b ", ((StringValueNode)value.Fields[3].Value).Value);
        Assert.Equal("v", ((VariableNode)((ObjectValueNode)value.Fields[9].Value).Fields[0].Value).Name.Value);
    }

    [Fact]
    public void Const_values_refuse_variables()
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.ParseConstValue("[$a]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$a\" in constant value.", error.Message);
    }

    [Fact]
    public void Type_references_nest_lists_and_non_null()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[MyType!]]!"));
        var outer = Assert.IsType<ListTypeNode>(type.Type);
        var inner = Assert.IsType<ListTypeNode>(outer.Type);
        var nonNull = Assert.IsType<NonNullTypeNode>(inner.Type);
        Assert.Equal("MyType", Assert.IsType<NamedTypeNode>(nonNull.Type).Name.Value);
    }

    [Fact]
    public void Type_system_documents_keep_descriptions_interfaces_and_repeatable()
    {
        var document = Parser.Parse("""
            "The query root"
            type Query implements Node & Entity @key { "the id" id(arg: Int = 1 @deprecated): ID! }
            interface Entity implements Node { id: ID! }
            directive @key(fields: String) repeatable on OBJECT | INTERFACE
            extend schema @key { subscription: S }
            """);
        var query = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.Equal("The query root", query.Description!.Value);
        Assert.Equal(["Node", "Entity"], query.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("the id", query.Fields[0].Description!.Value);
        Assert.Equal("1", ((IntValueNode)query.Fields[0].Arguments[0].DefaultValue!).Value);
        var entity = Assert.IsType<InterfaceTypeDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Node", Assert.Single(entity.Interfaces).Name.Value);
        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[2]);
        Assert.True(directive.Repeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], directive.Locations.Select(l => l.Value));
        var extension = Assert.IsType<SchemaExtensionNode>(document.Definitions[3]);
        Assert.Equal(OperationType.Subscription, Assert.Single(extension.OperationTypes).Operation);
    }

    [Fact]
    public void Operations_fragments_and_variables_may_have_descriptions()
    {
        var document = Parser.Parse("""
            "Loads a user"
            query Q("the id" $id: ID) { f }
            "shared" fragment F on T { f }
            """);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("Loads a user", operation.Description!.Value);
        Assert.Equal("the id", operation.VariableDefinitions[0].Description!.Value);
        Assert.Equal("shared", ((FragmentDefinitionNode)document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void A_document_with_more_tokens_than_allowed_fails_at_the_first_token_past_the_limit()
    {
        var error = ParseError("{ a b c d }", new ParserOptions { MaxTokens = 4 });
        Assert.Equal("Syntax Error: Document contains more than 4 tokens. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(1, 9)], error.Locations);
        Assert.NotNull(Parser.Parse("{ a b c }", new ParserOptions { MaxTokens = 5 }));
    }

    [Fact]
    public void The_default_token_limit_refuses_a_huge_document()
    {
        string huge = "{ " + string.Concat(Enumerable.Repeat("a ", 20_000)) + "}";
        var error = ParseError(huge);
        Assert.Equal("Syntax Error: Document contains more than 15000 tokens. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Deeply_nested_selections_fail_fast_instead_of_overflowing_the_stack()
    {
        string deep = string.Concat(Enumerable.Repeat("{ a ", 5_000)) + string.Concat(Enumerable.Repeat("}", 5_000));
        var error = ParseError(deep, new ParserOptions { MaxTokens = 100_000 });
        Assert.Equal("Syntax Error: Document is nested deeper than 200 levels. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(1, 801)], error.Locations);
    }

    [Fact]
    public void Deeply_nested_lists_and_list_types_are_refused_too()
    {
        Assert.Contains("nested deeper than 3 levels", ParseError("{ f(a: [[[[1]]]]) }", new ParserOptions { MaxDepth = 3 }).Message);
        Assert.Contains("nested deeper than 3 levels", ParseError("{ f(a: {a: {a: {a: 1}}}) }", new ParserOptions { MaxDepth = 3 }).Message);
        Assert.Contains("nested deeper than 3 levels", ParseError("query ($a: [[[[Int]]]]) { f }", new ParserOptions { MaxDepth = 3 }).Message);
        Assert.NotNull(Parser.Parse("{ f(a: [[1]]) { g } }", new ParserOptions { MaxDepth = 3 }));
    }

    [Fact]
    public void A_document_just_under_the_nesting_limit_parses()
    {
        string deep = string.Concat(Enumerable.Repeat("{ a ", 199)) + "{ b }" + new string('}', 199);
        Assert.NotNull(Parser.Parse(deep));
    }
}
