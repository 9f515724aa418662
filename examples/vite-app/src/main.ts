/**
 * einops in a Vite app: an image's pixels through einops on the embedded NDArray and on
 * TensorFlow.js, a tfjs model with an einops layer, and the shapes of the einops tutorial.
 * Every call below has a literal pattern, so the einops plugin (vite.config.ts) replaces it
 * with a precompiled recipe at build time.
 */
import * as tf from '@tensorflow/tfjs';
import { asNDArray, type NDArray, rearrange, reduce, tensor } from 'einops';
// Registers the TensorFlow.js backend: from here on the ops above also take tf.Tensors.
import 'einops/tfjs';
import { buildModel } from './model';

const log = document.querySelector<HTMLPreElement>('#log')!;
const print = (line = ''): void => {
  log.textContent += `${line}\n`;
};
const show = (what: string, x: { shape: readonly number[] }): void => print(`${what.padEnd(74)} [${x.shape.join(', ')}]`);

/** A 64×64 test image drawn in the page (no network): a gradient with a few shapes on it. */
function drawImage(canvas: HTMLCanvasElement): ImageData {
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, canvas.width, canvas.height);
  gradient.addColorStop(0, '#1e3a8a');
  gradient.addColorStop(1, '#f59e0b');
  context.fillStyle = gradient;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#ef4444';
  context.beginPath();
  context.arc(22, 24, 12, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = '#22c55e';
  context.fillRect(36, 34, 20, 20);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

async function main(): Promise<void> {
  // The cpu backend works everywhere (webgl needs a GPU, or a software one, in the browser).
  await tf.setBackend('cpu');

  print('# an image through einops');
  const image = drawImage(document.querySelector<HTMLCanvasElement>('#original')!);
  const pixels = tensor(image.data, [image.height, image.width, 4]);
  show('pixels: tensor(imageData.data, [h, w, 4])', pixels);
  // Channels first, as a batch of one: the usual input layout of a vision model.
  const planes = rearrange(pixels, 'h w c -> 1 c h w');
  show("rearrange(pixels, 'h w c -> 1 c h w')", planes);

  // To TensorFlow.js, scaled to [0, 1]; tfjs layers want channels last again.
  const batch = tf.tensor(Float32Array.from(planes.data, (value) => value / 255), [...planes.shape]);
  const images = rearrange(batch, 'b c h w -> b h w c');
  show("rearrange(tfTensor, 'b c h w -> b h w c')", images);

  print('\n# a tfjs model with einops layers');
  const model = buildModel(image.height, image.width, 4);
  print(`layers: ${model.layers.map((layer) => layer.getClassName()).join(' → ')}`);
  const [pooled, channelMeans] = model.predict(images) as tf.Tensor[];
  show("Reduce('b (h 2) (w 2) c -> b h w c', 'max')", pooled!);
  show("Reduce('b h w c -> b c', 'mean')", channelMeans!);
  const means = Array.from(await channelMeans!.data());
  print(`channel means (r, g, b, a): ${means.map((mean) => mean.toFixed(4)).join(', ')}`);

  // The same two reductions with einops on the host NDArray: the model must agree.
  const host = reduce(reduce(asNDArray(images), 'b (h 2) (w 2) c -> b h w c', 'max'), 'b h w c -> b c', 'mean');
  const difference = Math.max(...means.map((mean, i) => Math.abs(mean - (host.data[i] as number))));
  print(`model agrees with einops on the NDArray: ${difference < 1e-5 ? 'yes' : 'NO'} (max difference ${difference.toExponential(1)})`);

  // Saved and loaded again: the layers come back from their saved recipes (no parser here).
  const reloaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
  const [, reloadedMeans] = reloaded.predict(images) as tf.Tensor[];
  const same = (await reloadedMeans!.data()).every((mean, i) => mean === means[i]);
  print(`model saved and loaded again gives the same output: ${same ? 'yes' : 'NO'}`);
  tf.dispose(reloadedMeans!);

  // Draw the pooled image, one image of the batch, as the model saw it.
  await tf.browser.toPixels(rearrange(pooled!, '1 h w c -> h w c') as tf.Tensor3D, document.querySelector<HTMLCanvasElement>('#pooled')!);
  tf.dispose([batch, images, pooled!, channelMeans!]);

  tutorial();
}

/** The model's topology and weights, as a file would keep them (through JSON). */
async function saveToMemory(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { ...saved!, modelTopology: JSON.parse(JSON.stringify(saved!.modelTopology)) as object };
}

/** The shapes of the einops tutorial ("einops for deep learning"), on the embedded NDArray. */
function tutorial(): void {
  print('\n# the einops tutorial');
  const x: NDArray<[10, 32, 100, 200], 'float32'> = tensor(new Float32Array(10 * 32 * 100 * 200), [10, 32, 100, 200]);
  show('x', x);
  show("rearrange(x, 'b c h w -> b (c h w)')", rearrange(x, 'b c h w -> b (c h w)'));
  show("rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 })", rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 }));
  show("rearrange(x, 'b (h1 w1 c) h w -> b c (h h1) (w w1)', { h1: 2, w1: 2 })", rearrange(x, 'b (h1 w1 c) h w -> b c (h h1) (w w1)', { h1: 2, w1: 2 }));
  show("reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max')", reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'));
  show("reduce(x, 'b c h w -> b c 1 1', 'mean')", reduce(x, 'b c h w -> b c 1 1', 'mean'));
}

main().then(
  () => {
    document.body.dataset.done = '1';
  },
  (error: unknown) => {
    print(`\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    document.body.dataset.done = 'error';
    throw error;
  },
);
