const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const SIDE = 28;

/** Shows test images as small canvases, each captioned with the predicted and the true class. */
export function showPredictions(
  container: HTMLElement,
  images: Uint8Array,
  trueLabels: Uint8Array,
  predictedLabels: ArrayLike<number>,
): void {
  container.replaceChildren();
  for (let index = 0; index < predictedLabels.length; index++) {
    const canvas = document.createElement('canvas');
    canvas.width = SIDE;
    canvas.height = SIDE;
    const context = canvas.getContext('2d');
    if (context === null) return;
    const pixels = context.createImageData(SIDE, SIDE);
    for (let pixel = 0; pixel < SIDE * SIDE; pixel++) {
      // Fashion-MNIST is light-on-dark; invert so garments read as dark on white.
      const value = 255 - images[index * SIDE * SIDE + pixel];
      pixels.data.set([value, value, value, 255], pixel * 4);
    }
    context.putImageData(pixels, 0, 0);
    const predicted = predictedLabels[index];
    const caption = document.createElement('figcaption');
    caption.textContent = `${CLASS_NAMES[predicted]} (true: ${CLASS_NAMES[trueLabels[index]]})`;
    if (predicted !== trueLabels[index]) caption.className = 'wrong';
    const figure = document.createElement('figure');
    figure.append(canvas, caption);
    container.append(figure);
  }
}
