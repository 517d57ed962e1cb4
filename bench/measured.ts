/**
 * What the `calc` and `http` sections measure, and their baselines, in one module: bench/run.ts loads it bundled
 * (bench/bundle-measured.ts), as the server ships, so both sides of each ratio run the code a user runs. Through tsx
 * the sources carry work the bundle never does: its transform wraps every named function made at run time (keepNames).
 * @module
 */
export { serve } from '@hono/node-server';
export { Hono } from 'hono';
export { Dec } from '../calc/money.ts';
export { calculateMaintenance } from '../calc/scheme-2012/calculate.ts';
export { createApp } from '../server/http.ts';
export { calculateMaintenanceTool } from '../tools/calculate-maintenance.ts';
