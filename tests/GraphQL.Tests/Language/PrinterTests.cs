using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Tests.Language;

// Expected outputs are what graphql-js 16.15's print() produces for the same documents.
public class PrinterTests
{
    private const string KitchenSinkQuery = """"
        # A comment
        query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id ,
            ... on User @onInlineFragment {
              field2 {
                id ,
                alias: field1(first:10, after:$foo,) @include(if: $foo) {
                  id,
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        fragment frag on Friend @onFragmentDefinition {
          foo(size: $size, bar: $b, obj: {key: "value", block: """
              block string uses \"""
          """})
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null, float: -1.5e10, uni: "\u{1F600} \uD83D\uDE00 \u00e9", esc: "a\"b\\c\n"),
          query
          veryLongFieldNameHere(argumentNumberOne: "some long value", argumentNumberTwo: 12345, third: [A, B])
        }

        query { __typename }
        """";

    private const string KitchenSinkQueryPrinted = """"
        query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id
            ... on User @onInlineFragment {
              field2 {
                id
                alias: field1(first: 10, after: $foo) @include(if: $foo) {
                  id
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        fragment frag on Friend @onFragmentDefinition {
          foo(
            size: $size
            bar: $b
            obj: {key: "value", block: """
            block string uses \"""
            """}
          )
        }

        {
          unnamed(
            truthy: true
            falsy: false
            nullish: null
            float: -1.5e10
            uni: "😀 😀 é"
            esc: "a\"b\\c\n"
          )
          query
          veryLongFieldNameHere(
            argumentNumberOne: "some long value"
            argumentNumberTwo: 12345
            third: [A, B]
          )
        }

        {
          __typename
        }
        """";

    private const string KitchenSinkSchema = """"
        """This is a description of the schema as a whole."""
        schema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed =
          | Story
          | Article
          | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = | A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """This is a description of the `DESKTOP` value"""
          DESKTOP

          """This is a description of the `MOBILE` value"""
          MOBILE

          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """This is a description of the `@skip` directive"""
        directive @skip(
          """This is a description of the `if` argument"""
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!)
          on FIELD
           | FRAGMENT_SPREAD
           | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on
          | FIELD
          | FRAGMENT_SPREAD
          | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on
          | OBJECT
          | INTERFACE

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }

        """
          indented block
            more indented
          trailing quote"
        """
        scalar Described

        "  leading space single line" scalar D2
        """  leading space block""" scalar D3
        """a\"""b""" scalar D4
        """";

    private const string KitchenSinkSchemaPrinted = """"
        """This is a description of the schema as a whole."""
        schema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed = Story | Article | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """This is a description of the `DESKTOP` value"""
          DESKTOP
          """This is a description of the `MOBILE` value"""
          MOBILE
          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """This is a description of the `@skip` directive"""
        directive @skip(
          """This is a description of the `if` argument"""
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }

        """
        indented block
          more indented
        trailing quote"
        """
        scalar Described

        "  leading space single line"
        scalar D2

        """  leading space block"""
        scalar D3

        """a\"""b"""
        scalar D4
        """";

    private const string ExecutableDescriptions = """"
        "Operation description"
        query Q(
          "var desc" $a: Int = 1
          """
          block var desc
          """
          $b: String
        ) { a(x: $a, y: $b) }

        """Fragment
        description"""
        fragment F on T { a }

        query Short("one" $x: Int, $y: Int) { a }

        query Long { field(argumentOne: "aaaaaaaaaaaaaaaa", argumentTwo: "bbbbbbbbbbbbbbbb", three: 1) }
        query Long2 { field(argumentOne: "aaaaaaaaaaaaaaaa", argumentTwo: "bbbbbbbbbbbbbbbb", thr: 1) }
        query Long3 { nested { field(argumentOne: "aaaaaaaaaaaaaaaa", argumentTwo: "bbbbbbbbbbbbb", th: 1) { a } } }
        """";

    private const string ExecutableDescriptionsPrinted = """"
        "Operation description"
        query Q(
        "var desc"
        $a: Int = 1
        """block var desc"""
        $b: String
        ) {
          a(x: $a, y: $b)
        }

        """
        Fragment
        description
        """
        fragment F on T {
          a
        }

        query Short(
        "one"
        $x: Int
        $y: Int
        ) {
          a
        }

        query Long {
          field(
            argumentOne: "aaaaaaaaaaaaaaaa"
            argumentTwo: "bbbbbbbbbbbbbbbb"
            three: 1
          )
        }

        query Long2 {
          field(argumentOne: "aaaaaaaaaaaaaaaa", argumentTwo: "bbbbbbbbbbbbbbbb", thr: 1)
        }

        query Long3 {
          nested {
            field(argumentOne: "aaaaaaaaaaaaaaaa", argumentTwo: "bbbbbbbbbbbbb", th: 1) {
              a
            }
          }
        }
        """";

    [Theory]
    [InlineData(KitchenSinkQuery, KitchenSinkQueryPrinted)]
    [InlineData(KitchenSinkSchema, KitchenSinkSchemaPrinted)]
    [InlineData(ExecutableDescriptions, ExecutableDescriptionsPrinted)]
    public void Kitchen_sink_documents_print_as_graphql_js_prints_them(string document, string printed)
    {
        Assert.Equal(printed, Printer.Print(Parser.Parse(document)));
    }

    [Theory]
    [InlineData(KitchenSinkQueryPrinted)]
    [InlineData(KitchenSinkSchemaPrinted)]
    [InlineData(ExecutableDescriptionsPrinted)]
    public void Printed_documents_parse_back_to_the_same_print(string printed)
    {
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Fact]
    public void Anonymous_query_without_variables_or_directives_prints_as_shorthand()
    {
        Assert.Equal("{\n  id\n}", Printer.Print(Parser.Parse("query { id }")));
        Assert.Equal("query ($a: Int) {\n  id\n}", Printer.Print(Parser.Parse("query ($a: Int) { id }")));
        Assert.Equal("query @d {\n  id\n}", Printer.Print(Parser.Parse("query @d { id }")));
        Assert.Equal("mutation {\n  id\n}", Printer.Print(Parser.Parse("mutation { id }")));
    }

    [Fact]
    public void Field_arguments_wrap_one_per_line_when_name_and_arguments_pass_eighty_characters()
    {
        string shortLine = "{ f(a: \"" + new string('x', 72) + "\") }";
        string longLine = "{ f(a: \"" + new string('x', 73) + "\") }";
        Assert.Equal("{\n  f(a: \"" + new string('x', 72) + "\")\n}", Printer.Print(Parser.Parse(shortLine)));
        Assert.Equal("{\n  f(\n    a: \"" + new string('x', 73) + "\"\n  )\n}", Printer.Print(Parser.Parse(longLine)));
    }

    [Theory]
    [InlineData("a\u0000b\u001Fc\u007Fd\u009Fe", "\"a\\u0000b\\u001Fc\\u007Fd\\u009Fe\"")]
    [InlineData("tab\tnl\ncr\rbs\bff\fvt\u000B", "\"tab\\tnl\\ncr\\rbs\\bff\\fvt\\u000B\"")]
    [InlineData("quote\" backslash\\", "\"quote\\\" backslash\\\\\"")]
    [InlineData("unicode \u00e9 \U0001F600", "\"unicode \u00e9 \U0001F600\"")]
    public void Strings_escape_control_characters_quotes_and_backslashes(string value, string printed)
    {
        Assert.Equal(printed, Printer.PrintString(value));
    }

    [Fact]
    public void Nodes_built_in_code_print_without_locations()
    {
        var field = new FieldNode
        {
            Alias = new NameNode { Value = "a" },
            Name = new NameNode { Value = "b" },
            Arguments = [new ArgumentNode { Name = new NameNode { Value = "x" }, Value = new ListValueNode { Values = [new IntValueNode { Value = "1" }, new NullValueNode()] } }],
        };
        Assert.Equal("a: b(x: [1, null])", field.ToString());
    }
}
