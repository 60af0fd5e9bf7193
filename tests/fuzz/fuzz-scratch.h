/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
/* A harness's scratch folder, emptied and removed when the fuzzer exits
 * (libFuzzer has no teardown hook of its own). */
#include <glib.h>

/* Returns: (transfer none): the folder, made on the first call. */
const char *fuzz_scratch_dir (void);
