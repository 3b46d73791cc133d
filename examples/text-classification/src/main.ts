/**
 * The README's demo: which manual section a man page's NAME line ("ls - list directory contents") comes from,
 * learned from the pages installed under /usr/share/man. Prints the class counts, then test accuracy of the
 * Embedding → Bidirectional(LSTM) model, of a tf-idf bag-of-words logistic regression, and of the majority class.
 */
import { MAN_DIRECTORY } from './man-page-corpus';
import { trainTextClassifier } from './train-text-classifier';

const startedAt = performance.now();
const result = await trainTextClassifier({ verbose: 2 });
const totalSeconds = (performance.now() - startedAt) / 1000;

console.log(`Man pages from ${MAN_DIRECTORY}; examples per section (train / test):`);
for (const [section, trainCount] of Object.entries(result.trainCounts)) {
  console.log(`  ${section.padEnd(24)} ${String(trainCount).padStart(5)} / ${result.testCounts[section]}`);
}
console.log(`Vocabulary: ${result.vocabularySize} indices (padding and out-of-vocabulary included)`);
console.log(
  `Test accuracy, Bidirectional(LSTM): ${result.modelAccuracy.toFixed(4)} (${result.modelSeconds.toFixed(1)}s)`,
);
console.log(
  `Test accuracy, tf-idf bag of words:  ${result.bagOfWordsAccuracy.toFixed(4)} (${result.bagOfWordsSeconds.toFixed(1)}s)`,
);
console.log(`Test accuracy, majority class:       ${result.majorityAccuracy.toFixed(4)}`);
console.log(`Total time: ${totalSeconds.toFixed(1)}s - leaked tensors: ${result.leakedTensors}`);
if (result.leakedTensors !== 0) process.exitCode = 1;
