// Reads a QR code with the device's camera: the BarcodeDetector API where the browser has it (Chrome
// on Android, ChromeOS, macOS), else jsQR, a small pure-JavaScript decoder loaded with import() only
// here. Frames are read in memory; nothing is recorded or sent.

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

export interface Scan {
  stop(): void;
}

/** Starts the camera in `video` and calls onText once with the first QR code read; rejects when there is no camera or no permission. */
export async function startScan(video: HTMLVideoElement, onText: (text: string) => void): Promise<Scan> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play();
  let running = true;
  const stop = () => {
    running = false;
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  const read = await reader(video, Native);
  const tick = async () => {
    if (!running) return;
    const text = await read().catch(() => undefined);
    if (!running) return;
    if (text) {
      stop();
      onText(text);
      return;
    }
    setTimeout(() => void tick(), 150);
  };
  void tick();
  return { stop };
}

async function reader(video: HTMLVideoElement, Native: DetectorClass | undefined): Promise<() => Promise<string | undefined>> {
  if (Native) {
    const detector = new Native({ formats: ['qr_code'] });
    return async () => (await detector.detect(video))[0]?.rawValue;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async () => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!context || !width || !height) return undefined;
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    return jsQR(context.getImageData(0, 0, width, height).data, width, height)?.data;
  };
}
