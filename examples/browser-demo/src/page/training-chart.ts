/** One point of the live chart: the running loss and accuracy after a batch. */
export interface ChartPoint {
  loss: number;
  accuracy: number;
}

const LOSS_COLOR = '#d62728';
const ACCURACY_COLOR = '#1f77b4';
const VALIDATION_COLOR = '#2ca02c';
const MARGIN = { left: 48, right: 48, top: 16, bottom: 28 };

/**
 * A loss/accuracy chart drawn straight onto a <canvas>: batch loss on the left axis (scaled to its maximum),
 * batch accuracy and per-epoch validation accuracy on the right axis (0 to 1), batches along the bottom.
 */
export class TrainingChart {
  readonly points: ChartPoint[] = [];
  /** Validation accuracy at the batch index where each epoch ended. */
  readonly validation: { batch: number; accuracy: number }[] = [];
  private readonly context: CanvasRenderingContext2D;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('TrainingChart: the canvas has no 2D context');
    this.context = context;
    this.draw();
  }

  addBatch(point: ChartPoint): void {
    this.points.push(point);
    this.draw();
  }

  addEpoch(validationAccuracy: number): void {
    this.validation.push({ batch: this.points.length - 1, accuracy: validationAccuracy });
    this.draw();
  }

  private draw(): void {
    const { context, canvas } = this;
    const width = canvas.width - MARGIN.left - MARGIN.right;
    const height = canvas.height - MARGIN.top - MARGIN.bottom;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#999';
    context.strokeRect(MARGIN.left, MARGIN.top, width, height);
    const maximumLoss = Math.max(1e-6, ...this.points.map((point) => point.loss));
    const batches = Math.max(2, this.points.length);
    const xOf = (batch: number) => MARGIN.left + (batch / (batches - 1)) * width;
    const yOf = (fraction: number) => MARGIN.top + (1 - fraction) * height;
    this.drawLine(
      this.points.map((point, batch) => [xOf(batch), yOf(point.loss / maximumLoss)]),
      LOSS_COLOR,
    );
    this.drawLine(
      this.points.map((point, batch) => [xOf(batch), yOf(point.accuracy)]),
      ACCURACY_COLOR,
    );
    context.fillStyle = VALIDATION_COLOR;
    for (const { batch, accuracy } of this.validation) {
      context.beginPath();
      context.arc(xOf(batch), yOf(accuracy), 4, 0, 2 * Math.PI);
      context.fill();
    }
    context.font = '12px sans-serif';
    context.fillStyle = LOSS_COLOR;
    context.fillText(maximumLoss.toFixed(2), 4, MARGIN.top + 10);
    context.fillText('0', 4, MARGIN.top + height);
    context.fillText('loss', 4, MARGIN.top + height / 2);
    context.fillStyle = ACCURACY_COLOR;
    context.fillText('1.0', canvas.width - MARGIN.right + 6, MARGIN.top + 10);
    context.fillText('acc', canvas.width - MARGIN.right + 6, MARGIN.top + height / 2);
    context.fillStyle = VALIDATION_COLOR;
    context.fillText('● test accuracy after each epoch', MARGIN.left + 8, MARGIN.top + 16);
    context.fillStyle = '#555';
    context.fillText(`batch ${this.points.length}`, canvas.width - MARGIN.right - 70, canvas.height - 8);
  }

  private drawLine(coordinates: [number, number][], color: string): void {
    if (coordinates.length === 0) return;
    const { context } = this;
    context.strokeStyle = color;
    context.lineWidth = 1.5;
    context.beginPath();
    const [[startX, startY], ...rest] = coordinates;
    context.moveTo(startX, startY);
    for (const [x, y] of rest) context.lineTo(x, y);
    context.stroke();
  }
}
