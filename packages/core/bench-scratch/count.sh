#!/bin/bash
# usage: count.sh FP_PER_STEP  -> builds bench-gemm, prints instruction count of the micro-kernel inner loop
cd /work/main/packages/core
/work/main/node_modules/.pnpm/node_modules/.bin/esbuild bench-scratch/bench-gemm.ts --bundle --platform=node --format=esm --outfile=/tmp/bench-gemm.mjs --log-level=error
ONLY=512 node --print-opt-code --print-opt-code-filter=gemmMicroKernel /tmp/bench-gemm.mjs > /tmp/asm-k.txt 2>&1
python3 /tmp/loopcount.py /tmp/asm-k.txt $1
