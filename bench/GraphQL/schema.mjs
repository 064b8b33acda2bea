// The benchmark schema with graphql-js, the same as BenchSchema.cs builds with our engine: Query.report
// returns a Report of 30 non-null leaves (String, Int, Float, Boolean in turn) with static values.
import { GraphQLBoolean, GraphQLFloat, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';

// Field i (1..30): String, Int, Float, Boolean in turn, with the value BenchSchema.cs gives it.
const kinds = [GraphQLString, GraphQLInt, GraphQLFloat, GraphQLBoolean];
const fields = {};
const report = {};
for (let i = 1; i <= 30; i++) {
  const name = `field${String(i).padStart(2, '0')}`;
  const kind = (i - 1) % 4;
  fields[name] = { type: new GraphQLNonNull(kinds[kind]) };
  report[name] = [`value ${i}`, i * 1000 + 7, i + 0.5, i % 2 === 0][kind];
}
const Report = new GraphQLObjectType({ name: 'Report', fields });
const Query = new GraphQLObjectType({
  name: 'Query',
  fields: { report: { type: new GraphQLNonNull(Report), resolve: () => report } },
});
export const schema = new GraphQLSchema({ query: Query });

export const reportQuery = `{ report { ${Object.keys(fields).join(' ')} } }`;
