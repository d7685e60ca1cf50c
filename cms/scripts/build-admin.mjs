#!/usr/bin/env node
// `npm run build -w cms`: the admin panel and the compiled server code, built as `npm start`
// builds them — for production (admin-build.mjs says why that must be said).
import { buildAdminPanel } from './admin-build.mjs';

buildAdminPanel({ stdio: 'inherit' });
