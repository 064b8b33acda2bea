// graphql-js's Star Wars test schema (code-first, graphql-js 16), used to produce the expected
// responses that tests/GraphQL.Tests/StarWars asserts against our engine.
import {
  GraphQLEnumType, GraphQLInterfaceType, GraphQLList, GraphQLNonNull, GraphQLObjectType,
  GraphQLSchema, GraphQLString,
} from 'graphql';

const all = [4, 5, 6];
const characters = [
  { type: 'Human', id: '1000', name: 'Luke Skywalker', friends: ['1002', '1003', '2000', '2001'], appearsIn: all, homePlanet: 'Tatooine' },
  { type: 'Human', id: '1001', name: 'Darth Vader', friends: ['1004'], appearsIn: all, homePlanet: 'Tatooine' },
  { type: 'Human', id: '1002', name: 'Han Solo', friends: ['1000', '1003', '2001'], appearsIn: all },
  { type: 'Human', id: '1003', name: 'Leia Organa', friends: ['1000', '1002', '2000', '2001'], appearsIn: all, homePlanet: 'Alderaan' },
  { type: 'Human', id: '1004', name: 'Wilhuff Tarkin', friends: ['1001'], appearsIn: [4] },
  { type: 'Droid', id: '2000', name: 'C-3PO', friends: ['1000', '1002', '1003', '2001'], appearsIn: all, primaryFunction: 'Protocol' },
  { type: 'Droid', id: '2001', name: 'R2-D2', friends: ['1000', '1002', '1003'], appearsIn: all, primaryFunction: 'Astromech' },
];
const byId = new Map(characters.map((c) => [c.id, c]));
const getCharacter = (id) => Promise.resolve(byId.get(id) ?? null);
const getFriends = (c) => c.friends.map(getCharacter);
const secret = () => { throw new Error('secretBackstory is secret.'); };

const episodeEnum = new GraphQLEnumType({
  name: 'Episode',
  description: 'One of the films in the Star Wars Trilogy',
  values: {
    NEW_HOPE: { value: 4, description: 'Released in 1977.' },
    EMPIRE: { value: 5, description: 'Released in 1980.' },
    JEDI: { value: 6, description: 'Released in 1983.' },
  },
});

const characterInterface = new GraphQLInterfaceType({
  name: 'Character',
  description: 'A character in the Star Wars Trilogy',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLString), description: 'The id of the character.' },
    name: { type: GraphQLString, description: 'The name of the character.' },
    friends: { type: new GraphQLList(characterInterface), description: 'The friends of the character, or an empty list if they have none.' },
    appearsIn: { type: new GraphQLList(episodeEnum), description: 'Which movies they appear in.' },
    secretBackstory: { type: GraphQLString, description: 'All secrets about their past.' },
  }),
  resolveType: (c) => c.type,
});

const humanType = new GraphQLObjectType({
  name: 'Human',
  description: 'A humanoid creature in the Star Wars universe.',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLString), description: 'The id of the human.' },
    name: { type: GraphQLString, description: 'The name of the human.' },
    friends: { type: new GraphQLList(characterInterface), description: 'The friends of the human, or an empty list if they have none.', resolve: getFriends },
    appearsIn: { type: new GraphQLList(episodeEnum), description: 'Which movies they appear in.' },
    homePlanet: { type: GraphQLString, description: 'The home planet of the human, or null if unknown.' },
    secretBackstory: { type: GraphQLString, description: 'Where are they from and how they came to be who they are.', resolve: secret },
  }),
  interfaces: [characterInterface],
});

const droidType = new GraphQLObjectType({
  name: 'Droid',
  description: 'A mechanical creature in the Star Wars universe.',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLString), description: 'The id of the droid.' },
    name: { type: GraphQLString, description: 'The name of the droid.' },
    friends: { type: new GraphQLList(characterInterface), description: 'The friends of the droid, or an empty list if they have none.', resolve: getFriends },
    appearsIn: { type: new GraphQLList(episodeEnum), description: 'Which movies they appear in.' },
    secretBackstory: { type: GraphQLString, description: 'Construction date and the name of the designer.', resolve: secret },
    primaryFunction: { type: GraphQLString, description: 'The primary function of the droid.' },
  }),
  interfaces: [characterInterface],
});

const queryType = new GraphQLObjectType({
  name: 'Query',
  fields: () => ({
    hero: {
      type: characterInterface,
      args: { episode: { description: 'If omitted, returns the hero of the whole saga. If provided, returns the hero of that particular episode.', type: episodeEnum } },
      resolve: (_s, { episode }) => byId.get(episode === 5 ? '1000' : '2001'),
    },
    human: {
      type: humanType,
      args: { id: { description: 'id of the human', type: new GraphQLNonNull(GraphQLString) } },
      resolve: (_s, { id }) => { const c = byId.get(id); return c?.type === 'Human' ? c : null; },
    },
    droid: {
      type: droidType,
      args: { id: { description: 'id of the droid', type: new GraphQLNonNull(GraphQLString) } },
      resolve: (_s, { id }) => { const c = byId.get(id); return c?.type === 'Droid' ? c : null; },
    },
  }),
});

export const starWarsSchema = new GraphQLSchema({ query: queryType, types: [humanType, droidType] });
