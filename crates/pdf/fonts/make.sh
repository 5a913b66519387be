#!/bin/sh
# Makes the fonts the PDF summary embeds from Debian's fonts-dejavu-core
# (DejaVu Sans 2.37, licence in LICENSE-DejaVu.txt): the scripts Dutch schools
# meet in pupils' and parents' names (Latin with every extension, Greek,
# Cyrillic, Hebrew, Arabic) plus punctuation, without hinting or layout tables
# (the PDF does no shaping). Run once after changing the ranges; the output is
# committed. Needs fonttools (pip install fonttools).
set -eu
cd "$(dirname "$0")"
RANGES="U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,\
U+0590-05FF,U+0600-06FF,U+0750-077F,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,\
U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+2022,U+25CF,U+FB1D-FB4F,U+FE70-FEFF"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "/usr/share/fonts/truetype/dejavu/$face.ttf" \
    --unicodes="$RANGES" --no-hinting --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM,DSIG \
    --name-IDs='*' --output-file="$face.ttf"
done
