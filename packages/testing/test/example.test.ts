// The kit's worked example (docs/testing.md): a destination's whole test is its plan.
import { runConformance, runFixtureTable } from '../src';
import { plan } from './example/plan';

runFixtureTable(plan);
runConformance(plan.destination, plan);
