// Renders public/icon.svg into the PNG icons and favicon.ico in public/ with the Chromium the
// end-to-end tests use. Run by hand after changing the SVG: `node scripts/make-icons.mjs`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("public/icon.svg", "utf8");
const executablePath = process.env.CHROMIUM_PATH ?? execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const page = await browser.newPage();

async function png(size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

for (const [name, size] of [
  ["icon-192.png", 192],
  ["icon-512.png", 512],
  ["apple-touch-icon.png", 180],
])
  writeFileSync(`public/${name}`, await png(size));

// favicon.ico: an ICO directory whose entries are PNGs (every browser since 2010 reads them).
const images = [16, 32, 48].map((s) => ({ size: s }));
for (const image of images) image.data = await png(image.size);
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach((image, i) => {
  const e = 6 + 16 * i;
  header.writeUInt8(image.size, e);
  header.writeUInt8(image.size, e + 1);
  header.writeUInt16LE(1, e + 4);
  header.writeUInt16LE(32, e + 6);
  header.writeUInt32LE(image.data.length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += image.data.length;
});
writeFileSync("public/favicon.ico", Buffer.concat([header, ...images.map((i) => i.data)]));
await browser.close();
console.log("icons written to public/");
