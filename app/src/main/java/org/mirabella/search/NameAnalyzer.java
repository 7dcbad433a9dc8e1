package org.mirabella.search;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis for search: Unicode word boundaries, any script transliterated to Latin, then case
 * and accent folding, so that "Müller" finds "Mueller"/"Muller" and "Мухаммед" finds "Mukhammed".
 * Cross-script name matching proper (Arabic, Ge'ez) uses the matching engine's name keys, indexed
 * in their own field.
 */
final class NameAnalyzer extends Analyzer {
  private static final String TRANSFORM = "Any-Latin; Latin-ASCII";

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream s = new ICUTransformFilter(source, Transliterator.getInstance(TRANSFORM));
    s = new ICUFoldingFilter(s);
    return new TokenStreamComponents(source, s);
  }
}
