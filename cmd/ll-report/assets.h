/* The inline style sheet and script of every page (assets.c). */
#ifndef LL_REPORT_ASSETS_H
#define LL_REPORT_ASSETS_H

extern const char ll_assets_css[];
extern const char ll_assets_js[];

#endif
