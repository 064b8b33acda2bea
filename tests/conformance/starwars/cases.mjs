// The operations of graphql-js's starWarsQuery, starWarsIntrospection and starWarsValidation tests.
export const queryCases = [
  { name: 'Correctly identifies R2-D2 as the hero of the Star Wars Saga', query: 'query HeroNameQuery {\n  hero {\n    name\n  }\n}' },
  { name: 'Allows us to query for the ID and friends of R2-D2', query: 'query HeroNameAndFriendsQuery {\n  hero {\n    id\n    name\n    friends {\n      name\n    }\n  }\n}' },
  { name: 'Allows us to query for the friends of friends of R2-D2', query: 'query NestedQuery {\n  hero {\n    name\n    friends {\n      name\n      appearsIn\n      friends {\n        name\n      }\n    }\n  }\n}' },
  { name: 'Allows us to query for Luke Skywalker directly, using his ID', query: 'query FetchLukeQuery {\n  human(id: "1000") {\n    name\n  }\n}' },
  { name: 'Allows us to create a generic query, then use it to fetch Luke Skywalker using his ID', query: 'query FetchSomeIDQuery($someId: String!) {\n  human(id: $someId) {\n    name\n  }\n}', variables: { someId: '1000' } },
  { name: 'Allows us to create a generic query, then use it to fetch Han Solo using his ID', query: 'query FetchSomeIDQuery($someId: String!) {\n  human(id: $someId) {\n    name\n  }\n}', variables: { someId: '1002' } },
  { name: 'Allows us to create a generic query, then pass an invalid ID to get null back', query: 'query humanQuery($id: String!) {\n  human(id: $id) {\n    name\n  }\n}', variables: { id: 'not a valid id' } },
  { name: 'Allows us to query for Luke, changing his key with an alias', query: 'query FetchLukeAliased {\n  luke: human(id: "1000") {\n    name\n  }\n}' },
  { name: 'Allows us to query for both Luke and Leia, using two root fields and an alias', query: 'query FetchLukeAndLeiaAliased {\n  luke: human(id: "1000") {\n    name\n  }\n  leia: human(id: "1003") {\n    name\n  }\n}' },
  { name: 'Allows us to query using duplicated content', query: 'query DuplicateFields {\n  luke: human(id: "1000") {\n    name\n    homePlanet\n  }\n  leia: human(id: "1003") {\n    name\n    homePlanet\n  }\n}' },
  { name: 'Allows us to use a fragment to avoid duplicating content', query: 'query UseFragment {\n  luke: human(id: "1000") {\n    ...HumanFragment\n  }\n  leia: human(id: "1003") {\n    ...HumanFragment\n  }\n}\n\nfragment HumanFragment on Human {\n  name\n  homePlanet\n}' },
  { name: 'Allows us to verify that R2-D2 is a droid', query: 'query CheckTypeOfR2 {\n  hero {\n    __typename\n    name\n  }\n}' },
  { name: 'Allows us to verify that Luke is a human', query: 'query CheckTypeOfLuke {\n  hero(episode: EMPIRE) {\n    __typename\n    name\n  }\n}' },
  { name: 'Correctly reports error on accessing secretBackstory', query: 'query HeroNameQuery {\n  hero {\n    name\n    secretBackstory\n  }\n}' },
  { name: 'Correctly reports error on accessing secretBackstory in a list', query: 'query HeroNameQuery {\n  hero {\n    name\n    friends {\n      name\n      secretBackstory\n    }\n  }\n}' },
  { name: 'Correctly reports error on accessing through an alias', query: 'query HeroNameQuery {\n  mainHero: hero {\n    name\n    story: secretBackstory\n  }\n}' },
];

export const introspectionCases = [
  { name: 'Allows querying the schema for types', query: 'query IntrospectionTypeQuery {\n  __schema {\n    types {\n      name\n    }\n  }\n}' },
  { name: 'Allows querying the schema for query type', query: 'query IntrospectionQueryTypeQuery {\n  __schema {\n    queryType {\n      name\n    }\n  }\n}' },
  { name: 'Allows querying the schema for a specific type', query: 'query IntrospectionDroidTypeQuery {\n  __type(name: "Droid") {\n    name\n  }\n}' },
  { name: 'Allows querying the schema for an object kind', query: 'query IntrospectionDroidKindQuery {\n  __type(name: "Droid") {\n    name\n    kind\n  }\n}' },
  { name: 'Allows querying the schema for an interface kind', query: 'query IntrospectionCharacterKindQuery {\n  __type(name: "Character") {\n    name\n    kind\n  }\n}' },
  { name: 'Allows querying the schema for object fields', query: 'query IntrospectionDroidFieldsQuery {\n  __type(name: "Droid") {\n    name\n    fields {\n      name\n      type {\n        name\n        kind\n      }\n    }\n  }\n}' },
  { name: 'Allows querying the schema for nested object fields', query: 'query IntrospectionDroidNestedFieldsQuery {\n  __type(name: "Droid") {\n    name\n    fields {\n      name\n      type {\n        name\n        kind\n        ofType {\n          name\n          kind\n        }\n      }\n    }\n  }\n}' },
  { name: 'Allows querying the schema for field args', query: 'query IntrospectionQueryTypeQuery {\n  __schema {\n    queryType {\n      fields {\n        name\n        args {\n          name\n          description\n          type {\n            name\n            kind\n            ofType {\n              name\n              kind\n            }\n          }\n          defaultValue\n        }\n      }\n    }\n  }\n}' },
  { name: 'Allows querying the schema for documentation', query: 'query IntrospectionDroidDescriptionQuery {\n  __type(name: "Droid") {\n    name\n    description\n  }\n}' },
];

export const validationCases = [
  { name: 'Validates a complex but valid query', query: 'query NestedQueryWithFragment {\n  hero {\n    ...NameAndAppearances\n    friends {\n      ...NameAndAppearances\n      friends {\n        ...NameAndAppearances\n      }\n    }\n  }\n}\n\nfragment NameAndAppearances on Character {\n  name\n  appearsIn\n}' },
  { name: 'Notes that non-existent fields are invalid', query: 'query HeroSpaceshipQuery {\n  hero {\n    favoriteSpaceship\n  }\n}' },
  { name: 'Requires fields on objects', query: 'query HeroNoFieldsQuery {\n  hero\n}' },
  { name: 'Disallows fields on scalars', query: 'query HeroFieldsOnScalarQuery {\n  hero {\n    name {\n      firstCharacterOfName\n    }\n  }\n}' },
  { name: 'Disallows object fields on interfaces', query: 'query DroidFieldOnCharacter {\n  hero {\n    name\n    primaryFunction\n  }\n}' },
  { name: 'Allows object fields in fragments', query: 'query DroidFieldInFragment {\n  hero {\n    name\n    ...DroidFields\n  }\n}\n\nfragment DroidFields on Droid {\n  primaryFunction\n}' },
  { name: 'Allows object fields in inline fragments', query: 'query DroidFieldInFragment {\n  hero {\n    name\n    ... on Droid {\n      primaryFunction\n    }\n  }\n}' },
];
