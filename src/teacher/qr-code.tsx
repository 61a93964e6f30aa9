/** A QR code drawn with SVG elements (one path), never an HTML or SVG string. */
import { encode } from 'uqr';

export function QrCode({ text, label, size = 132 }: { text: string; label: string; size?: number }) {
  // Medium error correction survives a creased or smudged sheet sent home on paper.
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shape-rendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
