/** An entry that prints, for worker.test.ts: started through statements/worker/boot.mjs, none of it may reach stdout. */
console.log('NOISE from console.log');
console.info('NOISE from console.info');
process.stdout.write('NOISE from process.stdout.write\n');
