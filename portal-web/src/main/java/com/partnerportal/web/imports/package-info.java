/** Files that come in: a lead import as CSV or XLSX, read as a stream of rows. */
package com.partnerportal.web.imports;
