/** A one-line progress bar on a terminal stream, redrawn in place; `clear` before printing anything else. */
const WIDTH = 30;

export class ProgressBar {
  readonly #total: number;
  readonly #stream: NodeJS.WriteStream;
  readonly #started = performance.now();
  #done = 0;
  #failed = 0;

  constructor(total: number, stream: NodeJS.WriteStream) {
    this.#total = total;
    this.#stream = stream;
    this.#draw();
  }

  tick(failed: boolean): void {
    this.#done++;
    if (failed) this.#failed++;
    this.#draw();
  }

  clear(): void {
    this.#stream.write('\r\x1b[2K');
  }

  #draw(): void {
    const filled = Math.round((WIDTH * this.#done) / this.#total);
    const seconds = (performance.now() - this.#started) / 1000;
    const rate = this.#done / Math.max(seconds, 1e-3);
    const eta = this.#done > 0 ? ` eta ${Math.ceil((this.#total - this.#done) / rate)} s` : '';
    const failed = this.#failed > 0 ? `, ${this.#failed} failed` : '';
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${this.#done}/${this.#total}${failed}  ${rate.toFixed(1)} docs/s${eta}`;
    // Cut to the terminal's width: a wrapped line could not be redrawn in place.
    this.#stream.write(`\r\x1b[2K${bar.slice(0, (this.#stream.columns || 80) - 1)}`);
  }
}
