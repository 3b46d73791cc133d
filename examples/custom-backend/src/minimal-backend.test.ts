import { describeBackend } from '@tessera/backend-testkit';
import { createMinimalBackend } from './minimal-backend';

// Every required kernel must pass; the optional ones show up as 'fallback' (core's composites) in the matrix.
describeBackend(createMinimalBackend, { name: 'minimal' });
